using Christmas.Core.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> b)
    {
        b.HasIndex(t => new { t.Key, t.Version }).IsUnique();
        b.Property(t => t.Key).HasMaxLength(100);
        b.Property(t => t.Subject).HasMaxLength(500);
        b.Property(t => t.Author).HasMaxLength(200);
    }
}
