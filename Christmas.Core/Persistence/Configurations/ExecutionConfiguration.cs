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
        b.HasOne(e => e.Sequence).WithMany().HasForeignKey(e => e.SequenceId);
        b.Ignore(e => e.Warnings);
    }
}
