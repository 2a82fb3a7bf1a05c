using Christmas.Core.Contacts.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class ContactConsentConfiguration : IEntityTypeConfiguration<ContactConsent>
{
    public void Configure(EntityTypeBuilder<ContactConsent> b)
    {
        b.HasKey(c => c.ContactId);
        b.HasOne(c => c.Contact).WithOne().HasForeignKey<ContactConsent>(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.Source).HasMaxLength(16);
        b.Property(c => c.Handler).HasMaxLength(100);
        b.Property(c => c.ExecutionId).HasMaxLength(22);
        b.Property(c => c.File).HasMaxLength(260);
        b.Property(c => c.By).HasMaxLength(300);
        b.Property(c => c.Text).HasMaxLength(ContactConsent.MaxText);
        b.Property(c => c.Ip).HasMaxLength(45);
    }
}
