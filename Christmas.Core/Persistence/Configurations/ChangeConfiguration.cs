using Christmas.Core.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class ChangeConfiguration : IEntityTypeConfiguration<Change>
{
    // No index beside the key: consumers read by id, and every webhook pays for each index.
    public void Configure(EntityTypeBuilder<Change> b) => b.ToTable("Changes");
}
