using Christmas.Core.Accounts;
using Christmas.Core.Audit;
using Christmas.Core.Changes;
using Christmas.Core.Contacts;
using Christmas.Core.Delivery.Outbox;
using Christmas.Core.Executions;
using Christmas.Core.Sequences;
using Christmas.Core.Settings;
using Christmas.Core.Templates;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Persistence;

/// <summary>The app's one database, including the console's users (ASP.NET Core Identity tables).</summary>
public sealed class CampaignDbContext(DbContextOptions<CampaignDbContext> options) : IdentityDbContext<ConsoleUser>(options), IDataProtectionKeyContext
{
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Sequence> Sequences => Set<Sequence>();
    public DbSet<Step> Steps => Set<Step>();
    public DbSet<Delivery.Batches.SendBatch> SendBatches => Set<Delivery.Batches.SendBatch>();
    public DbSet<Execution> Executions => Set<Execution>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Change> Changes => Set<Change>();
    public DbSet<ChangeCursor> ChangeCursors => Set<ChangeCursor>();
    public DbSet<Notion.Mirror.NotionPageLink> NotionPages => Set<Notion.Mirror.NotionPageLink>();
    public DbSet<Delivery.Events.DeliveryEvent> DeliveryEvents => Set<Delivery.Events.DeliveryEvent>();
    public DbSet<Suppressions.Suppression> Suppressions => Set<Suppressions.Suppression>();
    public DbSet<Contacts.Consent.ContactConsent> ContactConsents => Set<Contacts.Consent.ContactConsent>();

    /// <summary>Data-protection keys (antiforgery, sign-in cookies) in the shared database, so every instance reads another's cookie.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Leases.Lease> Leases => Set<Leases.Lease>();
    public DbSet<Campaign.Revisions.CampaignRevision> CampaignRevisions => Set<Campaign.Revisions.CampaignRevision>();
    public DbSet<Campaign.Revisions.CampaignDraft> CampaignDrafts => Set<Campaign.Revisions.CampaignDraft>();
    public DbSet<Instances.Instance> Instances => Set<Instances.Instance>();
    public DbSet<Tokens.ApiToken> ApiTokens => Set<Tokens.ApiToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CampaignDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is UTC; SQLite keeps no kind, so restore it on read (the API prints "Z").
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(20);
    }
}
