using Christmas.Core.Campaign.Revisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class CampaignDraftConfiguration : IEntityTypeConfiguration<CampaignDraft>
{
    public void Configure(EntityTypeBuilder<CampaignDraft> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.UpdatedBy).HasMaxLength(256);
    }
}
