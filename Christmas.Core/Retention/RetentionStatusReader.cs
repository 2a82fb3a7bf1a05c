using Microsoft.Extensions.Options;

namespace Christmas.Core.Retention;

public sealed class RetentionStatusReader(IOptionsMonitor<RetentionOptions> options, RetentionRunStore runs, DatabaseSizeReader sizes)
{
    public async Task<RetentionStatus> ReadAsync(CancellationToken ct) =>
        new(RetentionSettings.From(options.CurrentValue), await runs.LastAsync(ct), await sizes.ReadAsync(ct));
}
