using Christmas.Core.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class ChangeCursorConfiguration : IEntityTypeConfiguration<ChangeCursor>
{
    public void Configure(EntityTypeBuilder<ChangeCursor> b)
    {
        b.HasKey(c => c.Consumer);
        b.Property(c => c.Consumer).HasMaxLength(50);
    }
}
