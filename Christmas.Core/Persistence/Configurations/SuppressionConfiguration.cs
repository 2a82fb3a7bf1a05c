using Christmas.Core.Suppressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class SuppressionConfiguration : IEntityTypeConfiguration<Suppression>
{
    public void Configure(EntityTypeBuilder<Suppression> b)
    {
        b.HasKey(s => s.Email);
        b.Property(s => s.Email).HasMaxLength(254);
        b.Property(s => s.Source).HasMaxLength(300);
        b.Property(s => s.Detail).HasMaxLength(1000);
        // The console's list, newest first.
        b.HasIndex(s => s.CreatedAt);
    }
}
