using Christmas.Core.Campaign.Revisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class CampaignRevisionConfiguration : IEntityTypeConfiguration<CampaignRevision>
{
    public void Configure(EntityTypeBuilder<CampaignRevision> b)
    {
        // The number is chosen by the publisher (n + 1), so two publishing at once collide on the key instead of both winning.
        b.HasKey(r => r.Revision);
        b.Property(r => r.Revision).ValueGeneratedNever();
        b.Property(r => r.PublishedBy).HasMaxLength(256);
        b.Property(r => r.Policy).HasMaxLength(20);
        b.Property(r => r.Summary).HasMaxLength(2000);
    }
}
