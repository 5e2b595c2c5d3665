using System.Globalization;

namespace Wb6Graph.Model;

/// <summary>How much of a date the sources give: the day, the month only, or the year only.</summary>
public enum DatePrecision : byte
{
    Day,
    Month,
    Year,
}

/// <summary>
/// A date known to a day, a month or a year, as the sources give it: <c>2024-06-11</c>, <c>2013-02</c>, <c>2010</c>.
/// It is a period, never a pretended day: "2010" is some day of 2010, not 1 January.
/// As a boundary (a start, an end, an act) it has certainly passed from <see cref="Last"/> on, may have passed from
/// <see cref="First"/> on, and a fact bounded by it is <em>uncertain</em> on the days between.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    public PartialDate(DateOnly day, DatePrecision precision)
    {
        Precision = precision;
        First = precision switch
        {
            DatePrecision.Year => new DateOnly(day.Year, 1, 1),
            DatePrecision.Month => new DateOnly(day.Year, day.Month, 1),
            _ => day,
        };
    }

    /// <summary>A day.</summary>
    public PartialDate(int year, int month, int day)
        : this(new DateOnly(year, month, day), DatePrecision.Day)
    {
    }

    /// <summary>A month, when the sources give no day.</summary>
    public PartialDate(int year, int month)
        : this(new DateOnly(year, month, 1), DatePrecision.Month)
    {
    }

    /// <summary>A year, when the sources give no month.</summary>
    public PartialDate(int year)
        : this(new DateOnly(year, 1, 1), DatePrecision.Year)
    {
    }

    /// <summary>The first day of the period.</summary>
    public DateOnly First { get; }

    public DatePrecision Precision { get; }

    /// <summary>The day after the period.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Year => First.AddYears(1),
        DatePrecision.Month => First.AddMonths(1),
        _ => First.AddDays(1),
    };

    /// <summary>The last day of the period (the day itself for a day).</summary>
    public DateOnly Last => End.AddDays(-1);

    public bool IsExact => Precision == DatePrecision.Day;

    /// <summary>Whether the day falls inside the period.</summary>
    public bool Contains(DateOnly day) => First <= day && day <= Last;

    /// <summary>The days on which a boundary at this date may or may not have passed: [First, Last).</summary>
    public bool Undecided(DateOnly day) => First <= day && day < Last;

    public static PartialDate Day(DateOnly day) => new(day, DatePrecision.Day);

    public static implicit operator PartialDate(DateOnly day) => Day(day);

    public int CompareTo(PartialDate other)
    {
        var c = First.CompareTo(other.First);
        return c != 0 ? c : other.Precision.CompareTo(Precision);
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => First.Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => First.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>Reads <c>YYYY-MM-DD</c>, <c>YYYY-MM</c> or <c>YYYY</c>; the form gives the precision.</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        var style = DateTimeStyles.None;
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, style, out var day))
            date = new(day, DatePrecision.Day);
        else if (text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", inv, style, out day))
            date = new(day, DatePrecision.Month);
        else if (text.Length == 4 && DateOnly.TryParseExact(text + "-01-01", "yyyy-MM-dd", inv, style, out day))
            date = new(day, DatePrecision.Year);
        else return false;
        return true;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY");

    /// <summary>A compact integer that keeps both the day and the precision: the first day's number times 4, plus the precision.</summary>
    public int Encode() => First.DayNumber * 4 + (int)Precision;

    public static PartialDate Decode(int value) => new(DateOnly.FromDayNumber(value >> 2), (DatePrecision)(value & 3));

    /// <summary>Whether two periods share a day: a date known to the year and one known to the day can agree.</summary>
    public bool Overlaps(PartialDate other) => First <= other.Last && other.First <= Last;
}

/// <summary>
/// When a fact may hold: from a start boundary to an end boundary (half-open, exclusive end), each a <see cref="PartialDate"/>
/// or open. A fact possibly holds on a day when the start may have passed and the end certainly has not; it
/// certainly holds when the start certainly has passed and the end may not have.
/// </summary>
public static class Validity
{
    /// <summary>Possibly holds on the day: the start's first day has come, the end's last day has not.</summary>
    public static bool Holds(PartialDate? from, PartialDate? to, DateOnly day) =>
        (from is null || from.Value.First <= day) && (to is null || day < to.Value.Last);

    /// <summary>Holds on the day, but a boundary known only to the month or year leaves it open.</summary>
    public static bool Uncertain(PartialDate? from, PartialDate? to, DateOnly day) =>
        Holds(from, to, day) && ((from?.Undecided(day) ?? false) || (to?.Undecided(day) ?? false));

    /// <summary>Days since 0001-01-01, the compact form the snapshot keeps; int.MinValue / int.MaxValue stand for open ends.</summary>
    public static int FromDay(PartialDate? from) => from?.First.DayNumber ?? int.MinValue;

    public static int ToDay(PartialDate? to) => to?.Last.DayNumber ?? int.MaxValue;
}
