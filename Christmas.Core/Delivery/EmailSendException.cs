namespace Christmas.Core.Delivery;

/// <summary>A send that did not go through; <paramref name="Permanent"/> errors are not retried.</summary>
public sealed class EmailSendException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
