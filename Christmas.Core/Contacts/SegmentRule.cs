using Christmas.Core.Campaign;

namespace Christmas.Core.Contacts;

/// <summary>CRITICAL when red &gt;= 2; URGENT when red == 1 or orange &gt;= 2; OPTIMIZE otherwise (thresholds configurable).</summary>
public sealed class SegmentRule(SegmentThresholds thresholds)
{
    public Segment Classify(int red, int orange)
    {
        if (red >= thresholds.CriticalMinRed) return Segment.Critical;
        if (red >= thresholds.UrgentMinRed || orange >= thresholds.UrgentMinOrange) return Segment.Urgent;
        return Segment.Optimize;
    }
}
