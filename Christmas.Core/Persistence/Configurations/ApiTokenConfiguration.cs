using Christmas.Core.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(t => t.Name).HasMaxLength(ApiTokenRequest.MaxNameLength);
        b.Property(t => t.SecretHash).HasMaxLength(64);
        b.Property(t => t.Scopes).HasMaxLength(200);
        b.Property(t => t.CreatedBy).HasMaxLength(256);
        b.Property(t => t.RevokedBy).HasMaxLength(256);
        b.Ignore(t => t.ScopeList);
        // Every API call with a stored token looks it up by its hash.
        b.HasIndex(t => t.SecretHash).IsUnique();
    }
}
