using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class StepConfiguration : IEntityTypeConfiguration<Step>
{
    public void Configure(EntityTypeBuilder<Step> b)
    {
        // The dispatcher's query: scheduled steps by next attempt time.
        b.HasIndex(s => new { s.Status, s.NotBefore });
        // The dispatcher's count of steps handed to jobs and not yet claimed.
        b.HasIndex(s => new { s.Status, s.DispatchedAt });
        b.HasIndex(s => new { s.SequenceId, s.Number });
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.IsPending);
        b.Ignore(s => s.IdempotencyKey);
    }
}
