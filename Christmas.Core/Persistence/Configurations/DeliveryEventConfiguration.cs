using Christmas.Core.Delivery.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class DeliveryEventConfiguration : IEntityTypeConfiguration<DeliveryEvent>
{
    public void Configure(EntityTypeBuilder<DeliveryEvent> b)
    {
        // A redelivered event (same svix-id) is stored once: the insert's conflict target.
        b.HasIndex(e => e.SvixId).IsUnique();
        b.Property(e => e.SvixId).HasMaxLength(100);
        b.Property(e => e.Type).HasMaxLength(50);
        b.Property(e => e.EmailId).HasMaxLength(100);
        b.Property(e => e.Outcome).HasMaxLength(300);
        // The apply loop's queue: events not yet applied. Partial, so the applied history stays out of it.
        b.HasIndex(e => e.RetryAt).HasFilter("\"AppliedAt\" IS NULL");
        // A step's timeline.
        b.HasIndex(e => e.StepId).HasFilter("\"StepId\" IS NOT NULL");
        // Events waiting for their step: looked up by email id when the send is recorded.
        b.HasIndex(e => e.EmailId).HasFilter("\"AppliedAt\" IS NULL");
        // Retention's queue: raw payloads not purged yet.
        b.HasIndex(e => e.ReceivedAt, "IX_DeliveryEvents_Unpurged_ReceivedAt").HasFilter("\"PurgedAt\" IS NULL");
    }
}
