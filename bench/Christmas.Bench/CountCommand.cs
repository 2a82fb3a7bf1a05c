namespace Christmas.Bench;

/// <summary>Row counts, to compare with the webhook calls that were answered 200 (each one committed a contact).</summary>
public static class CountCommand
{
    public static int Run(Options options)
    {
        using var db = Db.Open(options.Text("db"), readOnly: true);
        Console.WriteLine($"contacts={Db.Scalar(db, "SELECT COUNT(*) FROM Contacts")} " +
                          $"sequences={Db.Scalar(db, "SELECT COUNT(*) FROM Sequences")} " +
                          $"steps={Db.Scalar(db, "SELECT COUNT(*) FROM Steps")}");
        return 0;
    }
}
