namespace Wb6Graph.Model;

/// <summary>The kinds of entity the graph knows. Names are the seed files' and the GraphQL enum's.</summary>
public enum EntityKind : byte
{
    Country,
    EuBody,
    NationalAuthority,
    Csirt,
    Ministry,
    RegionalCentre,
    InternationalOrganization,
    NonProfit,
    Foundation,
    Project,
    Event,
    Person,
    Tool,
    Legislation,
    Strategy,
    Convention,
    Network,
    Company,
}

/// <summary>
/// The relation types. A relation reads "from TYPE to" in the active voice: <c>fr FOUNDED wb3c</c>.
/// </summary>
public enum RelationType : byte
{
    FOUNDED,
    FUNDS,
    ORGANIZED,
    CO_ORGANIZED,
    SUPPORTED,
    PARTICIPATED_IN,
    SPOKE_AT,
    OPENED,
    LEADS,
    MEMBER_OF,
    PART_OF,
    BASED_IN,
    HELD_IN,
    IMPLEMENTS,
    PARTNER_OF,
    BENEFICIARY_OF,
    DEVELOPED,
    DONATED_TO,
    TRAINED,
    ADVOCATES_FOR,
    COOPERATES_WITH,
    DESIGNATED_AS,
    COMPETENT_AUTHORITY_OF,
    SINGLE_POINT_OF_CONTACT_OF,
    CRISIS_AUTHORITY_OF,
    PARTY_TO,
    ADOPTED,
    SUCCEEDED_BY,
    ACCREDITED_BY,
    WORKING_ARRANGEMENT_WITH,
    PLANNED,
    REPRESENTS,
}

/// <summary>How far a fact can be trusted: H official or primary, M secondary, L weak.</summary>
public enum Confidence : byte
{
    H,
    M,
    L,
}

/// <summary>What kind of publication a source is.</summary>
public enum SourceKind : byte
{
    Official,
    Secondary,
    Press,
}

/// <summary>Who wrote a fact: the curated seeds, or a user through the API or the CLI.</summary>
public enum Origin : byte
{
    Seed,
    User,
}

/// <summary>Which way relations are followed from an entity.</summary>
public enum Direction : byte
{
    Out,
    In,
    Both,
}

/// <summary>The descriptions of every kind and type, shared by the seed README, the GraphQL enums and the exports.</summary>
public static class Vocabulary
{
    public static IReadOnlyDictionary<EntityKind, string> KindDescriptions { get; } = new Dictionary<EntityKind, string>
    {
        [EntityKind.Country] = "A sovereign state or territory; id is its ISO 3166-1 alpha-2 code in lower case (Kosovo: xk).",
        [EntityKind.EuBody] = "An institution, agency or directorate-general of the European Union (ENISA, DG NEAR, EEAS).",
        [EntityKind.NationalAuthority] = "A national government agency or authority other than a ministry (AKSK, RATEL).",
        [EntityKind.Csirt] = "A computer security incident response team (CIRT.ME, MKD-CIRT, KOS-CERT).",
        [EntityKind.Ministry] = "A government ministry (a foreign ministry that signs a communique).",
        [EntityKind.RegionalCentre] = "A centre serving the Western Balkans region (WB3C).",
        [EntityKind.InternationalOrganization] = "An intergovernmental organisation or one of its offices (UNODA, Council of Europe).",
        [EntityKind.NonProfit] = "A non-governmental, non-profit organisation or think tank (KCSS, eGovernance Academy).",
        [EntityKind.Foundation] = "A grant-making foundation (OSF-WB).",
        [EntityKind.Project] = "A funded project or programme with an aim (ASCEND-WB6, an IPA III action).",
        [EntityKind.Event] = "A dated gathering: a conference, roundtable or training session.",
        [EntityKind.Person] = "A named person, linked to the organisation they lead or represent.",
        [EntityKind.Tool] = "A software or method tool (the Diagonal diagnosis tool).",
        [EntityKind.Legislation] = "A law or regulation, national or EU (Law 25/2024, NIS2).",
        [EntityKind.Strategy] = "A national cybersecurity strategy with the period it covers.",
        [EntityKind.Convention] = "An international treaty (the Budapest Convention on Cybercrime).",
        [EntityKind.Network] = "A network or forum of members (FIRST, Trusted Introducer, CSIRTs Network, EU-CyCLONe).",
        [EntityKind.Company] = "A private company.",
    };

    public static IReadOnlyDictionary<RelationType, string> TypeDescriptions { get; } = new Dictionary<RelationType, string>
    {
        [RelationType.FOUNDED] = "The subject founded or established the object (a country founded a centre).",
        [RelationType.FUNDS] = "The subject funds the object (a foundation funds a project).",
        [RelationType.ORGANIZED] = "The subject organised the object event as its lead organiser.",
        [RelationType.CO_ORGANIZED] = "The subject co-organised the object event with its lead organiser.",
        [RelationType.SUPPORTED] = "The subject supported the object (an event or activity) without organising it.",
        [RelationType.PARTICIPATED_IN] = "The subject (a country, body or person) took part in the object event or activity.",
        [RelationType.SPOKE_AT] = "The subject person spoke at the object event; the role says in which capacity.",
        [RelationType.OPENED] = "The subject formally opened the object event.",
        [RelationType.LEADS] = "The subject person leads the object organisation; the role gives the title.",
        [RelationType.MEMBER_OF] = "The subject is a member of the object network or organisation.",
        [RelationType.PART_OF] = "The subject is a part of the object (an event within a project, a CSIRT within an agency).",
        [RelationType.BASED_IN] = "The subject organisation is based in the object country.",
        [RelationType.HELD_IN] = "The subject event took place in the object country; the city is an attribute.",
        [RelationType.IMPLEMENTS] = "The subject implements or runs the object project.",
        [RelationType.PARTNER_OF] = "The subject is a partner of the object project or organisation.",
        [RelationType.BENEFICIARY_OF] = "The subject country or body benefits from the object project or centre.",
        [RelationType.DEVELOPED] = "The subject developed the object tool.",
        [RelationType.DONATED_TO] = "The subject donated something to the object; the attribute 'item' names what.",
        [RelationType.TRAINED] = "The subject trained the object (people of a country or body).",
        [RelationType.ADVOCATES_FOR] = "The subject advocates for the object cause or goal (an integration into an EU body).",
        [RelationType.COOPERATES_WITH] = "The subject cooperates with the object under no more specific relation.",
        [RelationType.DESIGNATED_AS] = "The subject country designated the object as its national CSIRT (NIS2 Art. 10).",
        [RelationType.COMPETENT_AUTHORITY_OF] = "The subject authority is the competent authority for cybersecurity of the object country (NIS2 Art. 8(1)).",
        [RelationType.SINGLE_POINT_OF_CONTACT_OF] = "The subject authority is the single point of contact of the object country (NIS2 Art. 8(3)).",
        [RelationType.CRISIS_AUTHORITY_OF] = "The subject authority manages cyber crises for the object country (NIS2 Art. 9).",
        [RelationType.PARTY_TO] = "The subject country is a party to the object convention (ratified).",
        [RelationType.ADOPTED] = "The subject country adopted the object law or strategy; dates give when it applies.",
        [RelationType.SUCCEEDED_BY] = "The subject was succeeded by the object (DG NEAR by DG ENEST).",
        [RelationType.ACCREDITED_BY] = "The subject is listed or accredited by the object (a CSIRT by Trusted Introducer).",
        [RelationType.WORKING_ARRANGEMENT_WITH] = "The subject authority has a formal working arrangement with the object EU body.",
        [RelationType.PLANNED] = "The subject planned the object future event or activity.",
        [RelationType.REPRESENTS] = "The subject person represented the object organisation or country at an event.",
    };

    public static string Describe(EntityKind kind) => KindDescriptions[kind];

    public static string Describe(RelationType type) => TypeDescriptions[type];

    public static bool TryParseKind(string? text, out EntityKind kind) =>
        Enum.TryParse(text, ignoreCase: false, out kind) && Enum.IsDefined(kind) && !IsNumeric(text);

    public static bool TryParseType(string? text, out RelationType type) =>
        Enum.TryParse(text, ignoreCase: false, out type) && Enum.IsDefined(type) && !IsNumeric(text);

    private static bool IsNumeric(string? text) => text is { Length: > 0 } && (char.IsDigit(text[0]) || text[0] == '-');
}
