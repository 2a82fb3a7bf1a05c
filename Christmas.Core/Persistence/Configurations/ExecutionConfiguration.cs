using Christmas.Core.Executions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class ExecutionConfiguration : IEntityTypeConfiguration<Execution>
{
    public void Configure(EntityTypeBuilder<Execution> b)
    {
        b.Property(e => e.Id).HasMaxLength(22);
        b.HasIndex(e => e.ReceivedAt);
        b.HasIndex(e => new { e.FlowId, e.ReceivedAt });
        b.Property(e => e.OriginalId).HasMaxLength(22);
        b.HasIndex(e => e.OriginalId);
        b.Property(e => e.Logs).HasConversion(
            v => ExecutionLogJson.Serialize(v),
            v => ExecutionLogJson.Deserialize(v),
            new ValueComparer<List<ExecutionLogLine>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        b.Property(e => e.Reason).HasMaxLength(2000);
        // Only refused calls carry a status: trimming them to Webhooks:RefusedKept reads this index alone.
        b.HasIndex(e => e.ReceivedAt, "IX_Executions_Refused_ReceivedAt").HasFilter("\"HttpStatus\" IS NOT NULL");
        // Retention's queue: rows not purged yet, oldest first; purged rows leave it, so a daily run reads only what it purges.
        b.HasIndex(e => e.ReceivedAt, "IX_Executions_Unpurged_ReceivedAt").HasFilter("\"PurgedAt\" IS NULL");
        b.HasOne(e => e.Sequence).WithMany().HasForeignKey(e => e.SequenceId);
        b.Ignore(e => e.Warnings);
    }
}
