namespace Christmas.Core.Contacts;

/// <summary>Whether the contact may be emailed; anything but Active is a suppression.</summary>
public enum ContactStatus
{
    Active,
    Unsubscribed,
    Bounced,
    Complained,
    /// <summary>Put on the suppression list by hand.</summary>
    Suppressed,
}
