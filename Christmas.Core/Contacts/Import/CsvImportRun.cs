using Christmas.Core.Common;

namespace Christmas.Core.Contacts.Import;

/// <summary>
/// An import started from the console: it runs on its own (leaving the page does not stop it) and reports how far it
/// is; the page polls <see cref="Progress"/> for its progress bar and awaits <see cref="Completion"/> for the counts.
/// </summary>
public sealed class CsvImportRun : IProgress<CsvImportProgress>
{
    private CsvImportProgress _progress = new(0, 0);

    private CsvImportRun() { }

    public CsvImportProgress Progress => Volatile.Read(ref _progress);
    public Task<Outcome<CsvImportResult>> Completion { get; private set; } = null!;
    public bool IsRunning => !Completion.IsCompleted;

    void IProgress<CsvImportProgress>.Report(CsvImportProgress value) => Volatile.Write(ref _progress, value);

    /// <param name="csv">The uploaded file, held in memory (the console limits its size); the run disposes it.</param>
    public static CsvImportRun Start(CsvContactImporter importer, Stream csv, CsvImportContext context, IReadOnlyDictionary<string, string> map)
    {
        var run = new CsvImportRun();
        run.Completion = Task.Run(async () =>
        {
            await using (csv) return await importer.ImportAsync(csv, context, map, run, CancellationToken.None);
        });
        return run;
    }
}
