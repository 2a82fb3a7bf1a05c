using Christmas.Core.Notion.Mirror;

namespace Christmas.Bench;

/// <summary>
/// Row counts, to compare with the webhook calls that were answered 200 (each one committed a contact);
/// and the Notion mirror's side: change-feed rows it has not taken in yet (all of them before its first
/// pass) and pages waiting for a sync.
/// </summary>
public static class CountCommand
{
    public static int Run(Options options)
    {
        using var db = Db.Open(options.Text("db"), readOnly: true);
        Console.WriteLine($"contacts={Db.Scalar(db, "SELECT COUNT(*) FROM Contacts")} " +
                          $"sequences={Db.Scalar(db, "SELECT COUNT(*) FROM Sequences")} " +
                          $"steps={Db.Scalar(db, "SELECT COUNT(*) FROM Steps")} " +
                          $"changes={Db.Scalar(db, "SELECT COUNT(*) FROM Changes")} " +
                          $"unread={Db.Scalar(db, $"SELECT COUNT(*) FROM Changes WHERE Id > COALESCE((SELECT Position FROM ChangeCursors WHERE Consumer = '{MirrorFeed.Consumer}'), 0)")} " +
                          $"notion_pending={Db.Scalar(db, "SELECT COUNT(*) FROM NotionPages WHERE Pending")}");
        return 0;
    }
}
