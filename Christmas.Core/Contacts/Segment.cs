namespace Christmas.Core.Contacts;

public enum Segment
{
    Critical,
    Urgent,
    Optimize,
}
