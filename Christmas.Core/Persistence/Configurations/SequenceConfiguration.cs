using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class SequenceConfiguration : IEntityTypeConfiguration<Sequence>
{
    public void Configure(EntityTypeBuilder<Sequence> b)
    {
        // "One sequence per" key, enforced by the database as well. Led by the contact id, so a new
        // contact's sequence lands at the end of the index instead of on a random page.
        b.HasIndex(s => new { s.ContactId, s.DedupeKey }).IsUnique();
        b.HasIndex(s => new { s.ContactId, s.Status });
        // The funnel's "went on", covering and in group order: no table page (payload JSON) is read.
        b.HasIndex(s => new { s.ContactId, s.Kind, s.CreatedAt }, "IX_Sequences_Funnel");
        b.HasOne(s => s.Contact).WithMany().HasForeignKey(s => s.ContactId);
        b.HasMany(s => s.Steps).WithOne(s => s.Sequence).HasForeignKey(s => s.SequenceId);
        b.Property(s => s.DedupeKey).HasMaxLength(500);
        // The definition's sequence name (^[a-z][a-z0-9-]{0,39}$).
        b.Property(s => s.Kind).HasMaxLength(40);
        // Rows from before revisions follow revision 1; the ingest writes the revision it started them under.
        b.Property(s => s.Revision).HasDefaultValue(1);
    }
}
