using Christmas.Core.Accounts;
using Christmas.Core.Audit;
using Christmas.Core.Backups;
using Christmas.Core.Campaign;
using Christmas.Core.Changes;
using Christmas.Core.Contacts;
using Christmas.Core.Delivery;
using Christmas.Core.Delivery.Events;
using Christmas.Core.Delivery.Outbox;
using Christmas.Core.Delivery.Unsubscribe;
using Christmas.Core.Executions;
using Christmas.Core.Funnel;
using Christmas.Core.Notion;
using Christmas.Core.Persistence;
using Christmas.Core.Privacy;
using Christmas.Core.Retention;
using Christmas.Core.Scheduling;
using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Christmas.Core.Settings;
using Christmas.Core.Simulation;
using Christmas.Core.Suppressions;
using Christmas.Core.Telemetry;
using Christmas.Core.Templates;
using Christmas.Core.Tokens;
using Christmas.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Christmas.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The domain: options, database, webhook use case, scheduler parts and the email sender.</summary>
    public static IServiceCollection AddChristmasCore(this IServiceCollection services)
    {
        services.AddOptions<CampaignOptions>().BindConfiguration(CampaignOptions.Section);
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section)
            // An instance must survive a late beat (a busy database) without being declared dead.
            .Validate(o => o.HeartbeatInterval > TimeSpan.Zero && o.InstanceTimeout >= 2 * o.HeartbeatInterval,
                "Scheduler:InstanceTimeout must be at least twice Scheduler:HeartbeatInterval (defaults 00:00:20 and 00:00:05).")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddOptions<ExecutionSearchOptions>().BindConfiguration(ExecutionSearchOptions.Section)
            .Validate(o => o.SearchMaxBytes >= 1024 * 1024, "Executions:SearchMaxBytes must be at least 1048576 (1 MB; default 32 MB).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddChangeFeed();
        services.AddPersistence();

        services.AddSingleton(sp => new Campaign.Engine.CampaignEngine(sp.GetRequiredService<SendRules.SendRuleSet>(),
            sp.GetRequiredService<SegmentRule>(), sp.GetRequiredService<IOptions<CampaignOptions>>().Value.OverdueGrace));
        services.AddSingleton<WebhookValidator>();
        services.AddSingleton<WebhookKeys>();
        services.AddSingleton<PublicWebhookKeys>();
        services.AddSingleton(sp => new SegmentRule(sp.GetRequiredService<IOptions<CampaignOptions>>().Value.Segments));
        services.AddSingleton<IngestStore>();
        services.AddSingleton<TestingModeStore>();
        services.AddHostedService<SharedSettingsRefresher>();
        services.AddSingleton<WebhookIngestor>();

        services.AddSingleton<ContactQueries>();
        services.AddSingleton<NextSends>();
        // console: contacts
        services.AddSingleton<ContactCsvExport>();
        services.AddSingleton<Contacts.Import.CsvChunkWriter>();
        services.AddSingleton<Contacts.Import.CsvContactImporter>();
        services.AddSingleton<ExecutionQueries>();
        services.AddSingleton<RefusedCallLog>();
        services.AddHostedService<RefusedCallWriter>();
        // console: dashboard, executions, outbox
        services.AddSingleton<Dashboard.DashboardQueries>(); // full name: no using line for other helpers to collide with
        services.AddSingleton<SequenceOperations>();
        // console: trigger and templates
        services.AddSingleton<ManualTrigger>();
        services.AddSingleton<WebhookReplay>();
        services.AddSingleton<TriggerDryRun>();
        services.AddSingleton<TemplateLibrary>();
        services.AddSingleton<TemplateFamilies>();
        services.AddSingleton<TemplateAudiences>();
        services.AddSingleton<SampleVariables>();
        services.AddSingleton<TemplatePreview>();
        services.AddSingleton<TemplateOperations>();
        services.AddTransient<TemplateTestSender>(); // the sender behind it is transient (typed HttpClient)
        services.AddSingleton<OutboxQueries>();
        // console: settings and users
        services.AddSingleton<WebhookUrlList>();
        services.AddSingleton<IntegrationStatusReader>();
        services.AddSingleton<ConsoleUserAdmin>();
        services.AddSingleton<AuditLog>();

        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<StepRecovery>();
        services.AddSingleton<DeadInstanceRelease>();
        services.AddHostedService<DueStepDispatcher>();
        services.AddTransient<SendStepJob>();
        services.AddTransient<SendBatchJob>();
        services.AddSingleton<SendAttempts>();
        services.AddSingleton<SendPreparation>();
        services.AddSingleton<StepEmailComposer>();
        services.AddSingleton<EmailVariables>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<DefaultTemplates>();
        services.AddSingleton(sp => new TemplateVariableCatalog(() => sp.GetRequiredService<Campaign.Live.PublishedCampaign>().Latest));
        services.AddSingleton<EmailLayout>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<UnsubscribeService>();
        services.AddEmailSenders();
        services.AddSuppressions();
        services.AddApiTokens();
        services.AddSendRules();
        services.AddFunnel();
        services.AddCampaignDefinition();
        services.AddSimulation();
        services.AddDeliveryEvents();
        services.AddNotion();
        services.AddPrivacy();
        services.AddBackups();
        services.AddCampaignTelemetry();
        services.AddRetention();
        return services;
    }
}
