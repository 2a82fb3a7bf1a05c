using System.Text;

namespace Christmas.Core.Templates.Limits;

/// <summary>Collects a render's output and stops it once it is too long, too slow or no longer wanted.</summary>
public sealed class BoundedWriter(RenderBudget budget) : StringWriter
{
    private void Grow(int chars) => budget.CheckLength((long)GetStringBuilder().Length + chars);

    public override void Write(char value) { Grow(1); base.Write(value); }
    public override void Write(string? value) { Grow(value?.Length ?? 0); base.Write(value); }
    public override void Write(char[] buffer, int index, int count) { Grow(count); base.Write(buffer, index, count); }
    public override void Write(ReadOnlySpan<char> buffer) { Grow(buffer.Length); base.Write(buffer); }
    public override void Write(StringBuilder? value) { Grow(value?.Length ?? 0); base.Write(value); }
    public override Task WriteAsync(char value) { Write(value); return Task.CompletedTask; }
    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }
    public override Task WriteAsync(char[] buffer, int index, int count) { Write(buffer, index, count); return Task.CompletedTask; }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }
}
