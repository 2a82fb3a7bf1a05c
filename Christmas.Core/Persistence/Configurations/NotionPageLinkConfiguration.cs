using Christmas.Core.Notion.Mirror;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class NotionPageLinkConfiguration : IEntityTypeConfiguration<NotionPageLink>
{
    public void Configure(EntityTypeBuilder<NotionPageLink> b)
    {
        b.ToTable("NotionPages");
        b.HasIndex(p => new { p.Kind, p.EntityId }).IsUnique();
        // The drain's retry query: refused pages whose wait is over. Partial, so written pages stay out of it.
        b.HasIndex(p => p.RetryAt).HasFilter("\"Pending\"");
        b.Property(p => p.PageId).HasMaxLength(64);
        b.Property(p => p.PageUrl).HasMaxLength(300);
        b.Property(p => p.LastError).HasMaxLength(1000);
    }
}
