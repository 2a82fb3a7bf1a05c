using Christmas.Core.Delivery.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        // Like a provider's idempotency: one stored message per key, whatever the retries.
        b.HasIndex(m => m.IdempotencyKey).IsUnique();
        b.HasIndex(m => new { m.To, m.CreatedAt });
        b.HasIndex(m => m.CreatedAt);
        // Retention's queue: bodies not purged yet.
        b.HasIndex(m => m.CreatedAt, "IX_OutboxMessages_Unpurged_CreatedAt").HasFilter("\"PurgedAt\" IS NULL");
    }
}
