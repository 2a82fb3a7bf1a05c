namespace Christmas.Admin.Components.Pages.Simulator;

/// <summary>The calls the page starts with: an assessment, a missed call a day later, then a payment that ends the no-show emails.</summary>
public static class SimulatorExample
{
    public const string Calls = """
        [
          {"handler": "assessment-handler", "email": "sarah@example.com", "first_name": "Sarah", "business_name": "Sarah's Salon",
           "red_systems": 2, "orange_systems": 1, "yellow_systems": 2, "green_systems": 3, "email_1_status": "sent", "timezone": "America/Toronto"},
          {"handler": "noshow-recovery-handler", "at": "P1D", "email": "sarah@example.com", "first_name": "Sarah", "calendly_event_id": "evt_1"},
          {"handler": "onboarding-handler", "at": "P2DT4H", "email": "sarah@example.com", "first_name": "Sarah",
           "business_name": "Sarah's Salon", "payment_status": "paid", "package_type": "foundation"},
          {"handler": "assessment-handler", "at": "PT3H", "email": "tom@example.com", "first_name": "Tom", "business_name": "Tom's Plumbing",
           "red_systems": 0, "orange_systems": 1, "yellow_systems": 3, "green_systems": 4, "email_1_status": "sent"}
        ]
        """;
}
