using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class StepConfiguration : IEntityTypeConfiguration<Step>
{
    public void Configure(EntityTypeBuilder<Step> b)
    {
        // The dispatcher's queries: scheduled steps by next attempt time. Every index costs each
        // webhook 5 more B-tree inserts (bench/README.md), so there is no other on status. DispatchedAt is in it
        // so the dispatcher's count of handed-over due steps reads the index alone (a backlog at 1M contacts).
        b.HasIndex(s => new { s.Status, s.NotBefore, s.DispatchedAt });
        b.HasIndex(s => new { s.SequenceId, s.Number });
        // The console's "sent per day" and "sent today": partial, so unsent steps (most inserts) skip it.
        b.HasIndex(s => s.SentAt).HasFilter("\"SentAt\" IS NOT NULL");
        // Delivery events find their step by the provider's message id; partial, so unsent steps skip it.
        b.HasIndex(s => s.ProviderMessageId).HasFilter("\"ProviderMessageId\" IS NOT NULL");
        // The funnel's counts, covering: partial, so the webhook's inserts of scheduled steps skip it
        // and only a send pays one more B-tree insert. Led by Status so the planner takes it for
        // "Status = 'Sent'" without statistics.
        b.HasIndex(s => new { s.Status, s.TemplateKey, s.DeliveryFlags }, "IX_Steps_Funnel").HasFilter("\"Status\" = 'Sent'");
        // A batch's members; partial, so steps sent alone (and every webhook insert) skip it. No foreign key:
        // SQLite would rebuild the whole steps table to add one.
        b.HasIndex(s => s.BatchId).HasFilter("\"BatchId\" IS NOT NULL");
        b.Property(s => s.ProviderMessageId).HasMaxLength(100);
        b.Property(s => s.Owner).HasMaxLength(Instances.ThisInstance.MaxIdLength);
        b.Property(s => s.SendAtReason).HasMaxLength(300);
        b.Property(s => s.DeliveryStatus).HasMaxLength(20);
        // An int, not the enum's name: the funnel tests bits in SQL.
        b.Property(s => s.DeliveryFlags).HasConversion<int>();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.IsPending);
        b.Ignore(s => s.IdempotencyKey);
        b.Ignore(s => s.CanJoinBatch);
    }
}
