using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Christmas.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model; no server is contacted.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CampaignDbContext>
{
    public CampaignDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CampaignDbContext>();
        new PostgreSqlDialect("Host=localhost;Database=design_time").Configure(options);
        return new CampaignDbContext(options.Options);
    }
}
