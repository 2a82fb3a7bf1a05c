using System.Globalization;
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
        using var db = BenchDatabase.Open(options, readOnly: true);
        long Scalar(string sql)
        {
            using var command = db.Connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        Console.WriteLine($"contacts={Scalar("""SELECT COUNT(*) FROM "Contacts" """)} " +
                          $"sequences={Scalar("""SELECT COUNT(*) FROM "Sequences" """)} " +
                          $"steps={Scalar("""SELECT COUNT(*) FROM "Steps" """)} " +
                          $"changes={Scalar("""SELECT COUNT(*) FROM "Changes" """)} " +
                          $"unread={Scalar($"""SELECT COUNT(*) FROM "Changes" WHERE "Id" > COALESCE((SELECT "Position" FROM "ChangeCursors" WHERE "Consumer" = '{MirrorFeed.Consumer}'), 0)""")} " +
                          $"notion_pending={Scalar("""SELECT COUNT(*) FROM "NotionPages" WHERE "Pending" """)}");
        return 0;
    }
}
