using Christmas.Core.Executions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class ExecutionConfiguration : IEntityTypeConfiguration<Execution>
{
    public void Configure(EntityTypeBuilder<Execution> b)
    {
        b.Property(e => e.Id).HasMaxLength(22);
        b.HasIndex(e => e.ReceivedAt);
        b.HasIndex(e => new { e.FlowId, e.ReceivedAt });
        b.OwnsMany(e => e.Logs, logs => logs.ToJson());
        b.HasOne(e => e.Sequence).WithMany().HasForeignKey(e => e.SequenceId);
        b.HasIndex(e => e.ContactEmail);
        b.Ignore(e => e.Warnings);
    }
}
