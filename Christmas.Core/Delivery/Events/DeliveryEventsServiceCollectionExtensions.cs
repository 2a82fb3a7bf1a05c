using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Delivery.Events;

public static class DeliveryEventsServiceCollectionExtensions
{
    /// <summary>Provider delivery events: recorded raw by the webhook, applied to steps by one background loop.</summary>
    public static IServiceCollection AddDeliveryEvents(this IServiceCollection services)
    {
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<DeliveryEventIntake>();
        services.AddSingleton<DeliveryEventApplier>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryEventApplier>());
        return services;
    }
}
