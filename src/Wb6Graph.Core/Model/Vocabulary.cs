namespace Wb6Graph.Model;

/// <summary>
/// The kinds of entity the graph knows. Names are the seed files' and the GraphQL enum's. The store keeps the number:
/// new kinds go at the end.
/// </summary>
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
    Incident,
    Assessment,
    Agreement,
    Forum,
}

/// <summary>
/// The relation types. A relation reads "from TYPE to" in the active voice: <c>fr FOUNDED wb3c</c>. The store keeps the
/// number: new types go at the end.
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
    APPLIES,
    ALIGNS_WITH,
    SIGNED,
    RATIFIED,
    MERGED_INTO,
    POLICY_AUTHORITY_OF,
    REPORTS_TO,
    HOSTED,
    RECEIVED,
    APPLIED_FOR_MEMBERSHIP,
    GRANTED_CANDIDATE_STATUS,
    OPENED_ACCESSION_NEGOTIATIONS,
    CONDUCTED,
    ASSESSED,
    TARGETED,
    RESPONDED_TO,
    ASSISTED,
}

/// <summary>How a relation lives in time.</summary>
public enum Temporality : byte
{
    /// <summary>It holds over an interval (validFrom, validTo) while both its ends exist: a membership, a leadership.</summary>
    State,

    /// <summary>It happened on a date (occurredOn) and stays history from then on, whatever becomes of its ends.</summary>
    Act,

    /// <summary>An act that passes something on (succession, merger): the subject ends on the act's date.</summary>
    Transition,
}

/// <summary>What a relation says about the network, for the questions that weigh links (gaps, suggestions, centrality).</summary>
public enum RelationClass : byte
{
    /// <summary>A lasting institutional tie: founding, membership, designation, funding, a treaty, a law.</summary>
    Institutional,

    /// <summary>Taking part in something: an event attended, organised, opened or spoken at.</summary>
    Participation,

    /// <summary>Words, not ties: advocating for or calling for something.</summary>
    Discourse,
}

/// <summary>
/// What the vocabulary says of one relation type: its meaning, its time model, its class, which kinds of entity may
/// stand at each end, and pairs of kinds that may not stand together although each end alone could (a Country is a
/// member of organisations and forums, never of a network of teams).
/// </summary>
public sealed record RelationTypeInfo(
    RelationType Type,
    string Description,
    Temporality Temporality,
    RelationClass Class,
    IReadOnlySet<EntityKind> Domain,
    IReadOnlySet<EntityKind> Range)
{
    public bool IsAct => Temporality != Temporality.State;

    public IReadOnlySet<(EntityKind From, EntityKind To)> Excluded { get; init; } = new HashSet<(EntityKind, EntityKind)>();

    public bool Allows(EntityKind from, EntityKind to) => Domain.Contains(from) && Range.Contains(to) && !Excluded.Contains((from, to));
}

/// <summary>Which way relations are followed from an entity.</summary>
public enum Direction : byte
{
    Out,
    In,
    Both,
}

/// <summary>How far a fact can be trusted: H official or primary, M secondary, L weak.</summary>
public enum Confidence : byte
{
    H,
    M,
    L,
}

/// <summary>What kind of publication a source is. The store keeps the number: new kinds go at the end.</summary>
public enum SourceKind : byte
{
    Official,
    Secondary,
    Press,
    Primary,
}

/// <summary>Who wrote a fact: the curated seeds, or a user through the API or the CLI.</summary>
public enum Origin : byte
{
    Seed,
    User,
}

/// <summary>The descriptions of every kind and type, their time model, class, domain and range: shared by the seeds, the GraphQL enums and the exports.</summary>
public static class Vocabulary
{
    public static IReadOnlyDictionary<EntityKind, string> KindDescriptions { get; } = new Dictionary<EntityKind, string>
    {
        [EntityKind.Country] = "A sovereign state or territory; id is its ISO 3166-1 alpha-2 code in lower case (Kosovo: xk).",
        [EntityKind.EuBody] = "An institution, agency or directorate-general of the European Union (ENISA, DG NEAR, EEAS).",
        [EntityKind.NationalAuthority] = "A national government agency or authority other than a ministry (AKSK, RATEL).",
        [EntityKind.Csirt] = "A computer security incident response team (CIRT.ME, MKD-CIRT, KOS-CERT).",
        [EntityKind.Ministry] = "A government ministry or a government office at that level.",
        [EntityKind.RegionalCentre] = "A centre serving the Western Balkans region (WB3C).",
        [EntityKind.InternationalOrganization] = "An intergovernmental organisation or one of its offices (the EU, the Council of Europe, UNODA, an OSCE mission).",
        [EntityKind.NonProfit] = "A non-governmental, non-profit organisation, think tank or academy (KCSS, e-Governance Academy).",
        [EntityKind.Foundation] = "A grant-making foundation (OSF-WB).",
        [EntityKind.Project] = "A funded project or programme with an aim (ASCEND-WB6, an IPA III action).",
        [EntityKind.Event] = "A dated gathering: a conference, roundtable or training session.",
        [EntityKind.Person] = "A named person, linked to the organisation they lead or represent.",
        [EntityKind.Tool] = "A software or method tool (the Diagonal diagnosis tool).",
        [EntityKind.Legislation] = "A law or regulation, national or EU (Law 25/2024, NIS2).",
        [EntityKind.Strategy] = "A national cybersecurity strategy or action plan, with the period it covers.",
        [EntityKind.Convention] = "An international treaty (the Budapest Convention on Cybercrime).",
        [EntityKind.Network] = "A network of teams or authorities (FIRST, Trusted Introducer, CSIRTs Network, EU-CyCLONe).",
        [EntityKind.Company] = "A private company.",
        [EntityKind.Incident] = "A cyberattack or major incident, dated, with who it struck and who helped.",
        [EntityKind.Assessment] = "A capacity assessment as a dated event: a GCSCC review, a National Cyber Security Index profile.",
        [EntityKind.Agreement] = "A bilateral or multilateral agreement short of a treaty: a memorandum of understanding, an association agreement.",
        [EntityKind.Forum] = "A forum or process whose members are states and organisations (GFCE, the Berlin Process).",
    };

    private static readonly EntityKind[] Organisations =
    [
        EntityKind.Country, EntityKind.EuBody, EntityKind.NationalAuthority, EntityKind.Csirt, EntityKind.Ministry,
        EntityKind.RegionalCentre, EntityKind.InternationalOrganization, EntityKind.NonProfit, EntityKind.Foundation,
        EntityKind.Company, EntityKind.Network, EntityKind.Forum,
    ];

    private static readonly EntityKind[] Actors = [.. Organisations, EntityKind.Person];
    private static readonly EntityKind[] Authorities = [EntityKind.NationalAuthority, EntityKind.Csirt, EntityKind.Ministry];
    private static readonly EntityKind[] Texts = [EntityKind.Legislation, EntityKind.Strategy, EntityKind.Convention, EntityKind.Agreement];
    private static readonly EntityKind[] Activities = [EntityKind.Event, EntityKind.Project];
    private static readonly EntityKind[] Any = Enum.GetValues<EntityKind>();

    private static readonly Dictionary<RelationType, RelationTypeInfo> Types = new[]
    {
        Act(RelationType.FOUNDED, "The subject founded or established the object (a country founded a centre).", Actors, [.. Organisations, EntityKind.Project]),
        State(RelationType.FUNDS, "The subject funds the object (a foundation funds a project); attributes give the amount and instrument.", Actors, [.. Organisations, .. Activities]),
        Act(RelationType.ORGANIZED, "The subject organised the object event as its lead organiser.", Actors, Activities, RelationClass.Participation),
        Act(RelationType.CO_ORGANIZED, "The subject co-organised the object event with its lead organiser.", Actors, Activities, RelationClass.Participation),
        Act(RelationType.SUPPORTED, "The subject supported the object (an event or activity) without organising it.", Actors, Activities, RelationClass.Participation),
        Act(RelationType.PARTICIPATED_IN, "The subject (a country, body or person) took part in the object event or activity.", Actors, Activities, RelationClass.Participation),
        Act(RelationType.SPOKE_AT, "The subject person spoke at the object event; the role says in which capacity.", Actors, [EntityKind.Event], RelationClass.Participation),
        Act(RelationType.OPENED, "The subject formally opened the object event.", Actors, [EntityKind.Event], RelationClass.Participation),
        State(RelationType.LEADS, "The subject person leads the object organisation; the role gives the title.", [EntityKind.Person], [.. Organisations, EntityKind.Project]),
        State(RelationType.MEMBER_OF, "The subject is a member of the object network, forum or organisation; a country joins organisations and forums, its teams and authorities join networks.",
            Organisations, [EntityKind.Network, EntityKind.Forum, EntityKind.InternationalOrganization, EntityKind.RegionalCentre])
            with { Excluded = new HashSet<(EntityKind, EntityKind)> { (EntityKind.Country, EntityKind.Network) } },
        State(RelationType.PART_OF, "The subject is a part of the object (an event within a project, a CSIRT within an agency).", [.. Organisations, .. Activities, EntityKind.Tool], [.. Organisations, .. Activities]),
        State(RelationType.BASED_IN, "The subject organisation is based in the object country.", Organisations, [EntityKind.Country]),
        State(RelationType.HELD_IN, "The subject event took place in the object country; the city is an attribute.", [EntityKind.Event, EntityKind.Incident], [EntityKind.Country], RelationClass.Participation),
        State(RelationType.IMPLEMENTS, "The subject implements or runs the object project or programme.", Organisations, [EntityKind.Project, EntityKind.Strategy, EntityKind.Agreement]),
        State(RelationType.PARTNER_OF, "The subject is a partner of the object project or organisation.", Organisations, [.. Organisations, EntityKind.Project]),
        State(RelationType.BENEFICIARY_OF, "The subject country or body benefits from the object project or centre (support received).", Organisations, [EntityKind.Project, EntityKind.RegionalCentre]),
        Act(RelationType.DEVELOPED, "The subject developed the object tool.", Actors, [EntityKind.Tool]),
        Act(RelationType.DONATED_TO, "The subject donated something to the object; the attribute 'item' names what (see RECEIVED for the item).", Organisations, Organisations),
        Act(RelationType.TRAINED, "The subject trained people of the object.", Organisations, Actors, RelationClass.Participation),
        State(RelationType.ADVOCATES_FOR, "The subject advocates for the object cause or goal (an integration into an EU body).", [.. Actors, .. Activities], Any, RelationClass.Discourse),
        State(RelationType.COOPERATES_WITH, "The subject cooperates with the object under no more specific relation (a memorandum in force).", Organisations, Organisations),
        State(RelationType.DESIGNATED_AS, "The subject country designated the object as its national CSIRT (NIS2 Art. 10); the role says which.", [EntityKind.Country], [EntityKind.Csirt, EntityKind.NationalAuthority]),
        State(RelationType.COMPETENT_AUTHORITY_OF, "The subject authority is the competent authority for cybersecurity of the object country (NIS2 Art. 8(1)).", Authorities, [EntityKind.Country]),
        State(RelationType.SINGLE_POINT_OF_CONTACT_OF, "The subject authority is the single point of contact of the object country (NIS2 Art. 8(3)).", Authorities, [EntityKind.Country]),
        State(RelationType.CRISIS_AUTHORITY_OF, "The subject authority manages cyber crises for the object country (NIS2 Art. 9).", Authorities, [EntityKind.Country]),
        State(RelationType.PARTY_TO, "The subject is a party to the object convention, from its entry into force for the subject.", [EntityKind.Country, EntityKind.InternationalOrganization], [EntityKind.Convention, EntityKind.Agreement]),
        Act(RelationType.ADOPTED, "The subject adopted the object law or strategy on the date (APPLIES says from when it is in force).", [EntityKind.Country, EntityKind.InternationalOrganization, .. Authorities, EntityKind.EuBody], [EntityKind.Legislation, EntityKind.Strategy]),
        Transition(RelationType.SUCCEEDED_BY, "The subject was succeeded by the object (DG NEAR by DG ENEST); the subject ends on the date."),
        State(RelationType.ACCREDITED_BY, "The subject is listed, accredited or certified by the object (a CSIRT by Trusted Introducer); the role says which.", [EntityKind.Csirt, EntityKind.NationalAuthority], [EntityKind.Network]),
        State(RelationType.WORKING_ARRANGEMENT_WITH, "The subject authority has a formal working arrangement with the object EU body.", [.. Authorities, EntityKind.Country], [EntityKind.EuBody]),
        Act(RelationType.PLANNED, "The subject announced the object future event or activity on the date.", Actors, Activities, RelationClass.Participation),
        State(RelationType.REPRESENTS, "The subject person represented the object organisation or country.", [EntityKind.Person], Organisations, RelationClass.Participation),
        State(RelationType.APPLIES, "The object law or strategy is in force for the subject: from entry into force or application until repeal or the end of its period.", [EntityKind.Country, EntityKind.InternationalOrganization], [EntityKind.Legislation, EntityKind.Strategy]),
        State(RelationType.ALIGNS_WITH, "The subject law carries the object EU act over; 'alignment' says how fully (FULL, PARTIAL, DRAFT).", [EntityKind.Legislation, EntityKind.Strategy], [EntityKind.Legislation]),
        Act(RelationType.SIGNED, "The subject signed the object treaty or agreement.", Organisations, [EntityKind.Convention, EntityKind.Agreement]),
        Act(RelationType.RATIFIED, "The subject ratified the object treaty or agreement (PARTY_TO starts at its entry into force).", [EntityKind.Country], [EntityKind.Convention, EntityKind.Agreement]),
        Transition(RelationType.MERGED_INTO, "The subject merged into the object and ended on the date (ALCIRT into AKCESK)."),
        State(RelationType.POLICY_AUTHORITY_OF, "The subject ministry or office leads the object country's cybersecurity policy.", [.. Authorities, EntityKind.Country], [EntityKind.Country]),
        State(RelationType.REPORTS_TO, "The subject agency is accountable to the object (a ministry, the government, the parliament).", [.. Organisations, EntityKind.Project], Organisations),
        Act(RelationType.HOSTED, "The subject hosted the object event on its premises or territory.", Actors, [EntityKind.Event], RelationClass.Participation),
        Act(RelationType.RECEIVED, "The subject received the object (a donated tool); the attribute 'from' names the donor.", Organisations, [EntityKind.Tool, EntityKind.Project]),
        Act(RelationType.APPLIED_FOR_MEMBERSHIP, "The subject country applied to join the object organisation.", [EntityKind.Country], [EntityKind.InternationalOrganization, EntityKind.Network]),
        Act(RelationType.GRANTED_CANDIDATE_STATUS, "The subject (the EU) granted the object country the status of candidate for membership.", [EntityKind.InternationalOrganization], [EntityKind.Country]),
        Act(RelationType.OPENED_ACCESSION_NEGOTIATIONS, "The subject (the EU) opened accession negotiations with the object country.", [EntityKind.InternationalOrganization], [EntityKind.Country]),
        Act(RelationType.CONDUCTED, "The subject carried out the object assessment or exercise.", Actors, [EntityKind.Assessment, EntityKind.Event], RelationClass.Participation),
        Act(RelationType.ASSESSED, "The subject assessment assessed the object (a country's cybersecurity capacity).", [EntityKind.Assessment], Organisations, RelationClass.Participation),
        Act(RelationType.TARGETED, "The subject incident struck the object.", [EntityKind.Incident], Organisations, RelationClass.Participation),
        Act(RelationType.RESPONDED_TO, "The subject helped respond to the object incident.", Actors, [EntityKind.Incident], RelationClass.Participation),
        Act(RelationType.ASSISTED, "The subject gave the object assistance (after an incident, in a programme).", Actors, Organisations),
    }.ToDictionary(i => i.Type);

    public static IReadOnlyDictionary<RelationType, string> TypeDescriptions { get; } = Types.ToDictionary(t => t.Key, t => t.Value.Description);

    /// <summary>The kinds that are institutions: what centrality ranks unless asked otherwise.</summary>
    public static IReadOnlySet<EntityKind> InstitutionKinds { get; } = Organisations.ToHashSet();

    // Ties a link suggestion may name: lasting institutional states, without the catch-alls that would join anything
    // with anything (cooperation, partnership, parts, seats, reporting lines, leadership).
    private static readonly RelationTypeInfo[] SuggestionTypes = Types.Values
        .Where(t => t.Class == RelationClass.Institutional && t.Temporality == Temporality.State)
        .Where(t => t.Type is not (RelationType.COOPERATES_WITH or RelationType.PARTNER_OF or RelationType.PART_OF
            or RelationType.REPORTS_TO or RelationType.BASED_IN or RelationType.LEADS))
        .OrderBy(t => t.Type)
        .ToArray();

    /// <summary>The institutional types that could join an entity of kind <paramref name="a"/> with one of kind <paramref name="b"/>, either way.</summary>
    public static IReadOnlyList<RelationType> JoinableBy(EntityKind a, EntityKind b) =>
        SuggestionTypes.Where(t => t.Allows(a, b) || t.Allows(b, a)).Select(t => t.Type).ToList();

    /// <summary>The pairs of kinds a suggestion may join (both orders), for the stores to filter candidates.</summary>
    public static IReadOnlyList<(EntityKind A, EntityKind B)> JoinablePairs { get; } =
        [.. from a in Enum.GetValues<EntityKind>() from b in Enum.GetValues<EntityKind>() where JoinableBy(a, b).Count > 0 select (a, b)];

    /// <summary>The kinds an entity of kind <paramref name="from"/> may be suggested a link to.</summary>
    public static IReadOnlySet<EntityKind> JoinableKinds(EntityKind from) =>
        JoinablePairs.Where(p => p.A == from).Select(p => p.B).ToHashSet();

    public static RelationTypeInfo Info(RelationType type) => Types[type];

    public static IEnumerable<RelationTypeInfo> AllTypes => Types.Values.OrderBy(t => t.Type);

    public static string Describe(EntityKind kind) => KindDescriptions[kind];

    public static string Describe(RelationType type) => Types[type].Description;

    /// <summary>The types of one class (institutional ties, participation, discourse).</summary>
    public static IReadOnlySet<RelationType> OfClass(RelationClass @class) =>
        Types.Values.Where(t => t.Class == @class).Select(t => t.Type).ToHashSet();

    public static bool TryParseKind(string? text, out EntityKind kind) =>
        Enum.TryParse(text, ignoreCase: false, out kind) && Enum.IsDefined(kind) && !IsNumeric(text);

    public static bool TryParseType(string? text, out RelationType type) =>
        Enum.TryParse(text, ignoreCase: false, out type) && Enum.IsDefined(type) && !IsNumeric(text);

    private static bool IsNumeric(string? text) => text is { Length: > 0 } && (char.IsDigit(text[0]) || text[0] == '-');

    private static RelationTypeInfo State(RelationType t, string d, EntityKind[] domain, EntityKind[] range, RelationClass c = RelationClass.Institutional) =>
        new(t, d, Temporality.State, c, domain.ToHashSet(), range.ToHashSet());

    private static RelationTypeInfo Act(RelationType t, string d, EntityKind[] domain, EntityKind[] range, RelationClass c = RelationClass.Institutional) =>
        new(t, d, Temporality.Act, c, domain.ToHashSet(), range.ToHashSet());

    private static RelationTypeInfo Transition(RelationType t, string d)
    {
        EntityKind[] kinds = [.. Organisations, .. Texts, EntityKind.Project];
        return new(t, d, Temporality.Transition, RelationClass.Institutional, kinds.ToHashSet(), kinds.ToHashSet());
    }
}
