using Christmas.Core.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.HasIndex(c => c.Email).IsUnique();
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.FirstName).HasMaxLength(200);
        b.Property(c => c.BusinessName).HasMaxLength(200);
        b.Property(c => c.WeakestSystem1).HasMaxLength(200);
        b.Property(c => c.WeakestSystem2).HasMaxLength(200);
        b.HasIndex(c => c.Segment);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        b.Ignore(c => c.IsSuppressed);
        b.Ignore(c => c.IsErased);
    }
}
