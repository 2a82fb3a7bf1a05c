using Christmas.Core.Contacts;
using Christmas.Core.Delivery.Outbox;
using Christmas.Core.Executions;
using Christmas.Core.Sequences;
using Christmas.Core.Settings;
using Christmas.Core.Templates;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Persistence;

public sealed class CampaignDbContext(DbContextOptions<CampaignDbContext> options) : DbContext(options)
{
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Sequence> Sequences => Set<Sequence>();
    public DbSet<Step> Steps => Set<Step>();
    public DbSet<Execution> Executions => Set<Execution>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CampaignDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is UTC; SQLite keeps no kind, so restore it on read (the API prints "Z").
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(20);
    }
}
