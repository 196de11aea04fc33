namespace PolicyTracker.Data.Seed.Synthetic;

// Word lists for the synthetic archive. Invented jurisdictions and people, so nobody mistakes a
// generated decision for a real one; earlier entries are drawn more often (Zipf), like real text.
internal static class Vocabulary
{
    public static readonly string[] Jurisdictions =
    [
        "Aldoria", "Bremont", "Calvara", "Dunmore", "Estravia", "Falkreach", "Galtria", "Harrowmere", "Istrane", "Jorvia",
        "Kellandor", "Lusoria", "Marvenne", "Norhelm", "Ostravia", "Pellucia", "Quarrine", "Rovenna", "Sardovia", "Tessaly",
        "Ulvaria", "Valdoria", "Westmark", "Yarrowdale", "Zembla", "Arcadia Minor", "Belvoir", "Corvenna", "Drakmoor", "Elmsland",
    ];

    // Parent bodies: "{jurisdiction} {type}".
    public static readonly string[] ParentBodies =
    [
        "State Council", "Council of Ministers", "National Assembly", "Cabinet", "Federal Council", "Monetary Board",
    ];

    public static readonly string[] Portfolios =
    [
        "Finance", "Foreign Affairs", "Defence", "Agriculture", "Health", "Education", "Transport", "Energy", "Trade", "Labour",
        "Justice", "Interior", "Environment", "Housing", "Fisheries", "Culture", "Science and Technology", "Water Resources",
        "Civil Aviation", "Social Security", "Industry", "Tourism", "Mining", "Telecommunications", "Public Works",
    ];

    public static readonly string[] CommitteeTopics =
    [
        "Economic Reform", "Financial Stability", "Rural Development", "Public Health", "Digital Economy", "Food Security",
        "Climate Change", "Regional Development", "Pension Reform", "Urban Planning", "Youth Employment", "Water Policy",
        "Energy Transition", "Trade Negotiations", "Disaster Relief", "Anti-Corruption", "Infrastructure", "Fiscal Affairs",
        "Budget Oversight", "Higher Education", "Maritime Affairs", "Border Management", "Statistics", "Competition Policy",
        "Consumer Protection", "Small Business", "Housing Supply", "Transport Safety", "Cybersecurity", "Innovation",
        "Ethnic Affairs", "Veterans Affairs", "Public Procurement", "Land Reform", "Tax Policy", "Price Stability",
        "Industrial Policy", "Foreign Investment", "Science Policy", "Cultural Heritage",
    ];

    public static readonly string[] Cities =
    [
        "Port Aldor", "Bremont City", "Calvara", "New Dunmore", "Estrava", "Falkreach", "Galt", "Harrow", "Istra", "Jorvik",
        "Kellan", "Lusa", "Marvenne", "Norhavn", "Ostrava", "Pellucia", "Quarry", "Rovenna", "Sardis", "Tessa",
        "Ulva", "Valdor", "Westhaven", "Yarrow", "Zemblan", "Arcady", "Belvoir", "Corven", "Drakmoor", "Elmsford",
    ];

    public static readonly string[] GivenNames =
    [
        "Anna", "Li", "Mohammed", "Maria", "Jean", "Olga", "Kenji", "Amara", "Carlos", "Fatima", "David", "Mei", "Ivan",
        "Aisha", "Pierre", "Sofia", "Rahul", "Elena", "Tomas", "Nadia", "Samuel", "Yuki", "Omar", "Ingrid", "Lucas",
        "Priya", "Hassan", "Clara", "Dmitri", "Zainab", "Marco", "Hana", "Victor", "Leila", "Andrei", "Grace", "Jorge",
        "Anika", "Felix", "Chen", "Ruth", "Kwame", "Sara", "Mateo", "Irina", "Ahmed", "Julia", "Kofi", "Lena", "Rafael",
        "Noor", "Erik", "Ming", "Paula", "Tariq", "Helen", "Hugo", "Adaeze", "Stefan", "Laila", "Jakob", "Rosa", "Wei",
        "Beatriz", "Yusuf", "Marta", "Sven", "Amina", "Pablo", "Katarina", "Arjun", "Eva", "Musa", "Lucia", "Nikolai",
        "Chiara", "Ibrahim", "Ana", "Henrik", "Mariam", "Diego", "Astrid", "Karim", "Teresa", "Oskar", "Yasmin",
        "Gabriel", "Elif", "Thabo", "Ines", "Mikhail", "Keiko", "Emeka", "Freya", "Ravi", "Daria", "Joaquin", "Selin",
        "Bongani", "Margit", "Hyun", "Catalina", "Anders", "Zara", "Mehmet", "Ola", "Xiao", "Birgit", "Adel", "Luisa",
        "Tenzin", "Petra", "Kaveh", "Alma", "Jonas", "Soraya", "Emil", "Chloe",
    ];

    public static readonly string[] FamilyNames =
    [
        "Novak", "Zhang", "Haddad", "Silva", "Dubois", "Ivanova", "Tanaka", "Okafor", "Mendes", "Rahman", "Cohen", "Wang",
        "Petrov", "Bello", "Laurent", "Rossi", "Sharma", "Popescu", "Horvat", "Karimi", "Mensah", "Sato", "Farouk",
        "Lindqvist", "Moreau", "Patel", "Aziz", "Keller", "Volkov", "Adeyemi", "Bianchi", "Kim", "Morales", "Nasser",
        "Kowalski", "Osei", "Ferreira", "Liu", "Hansen", "Chaudhry", "Nowak", "Castillo", "Abiodun", "Yilmaz", "Jensen",
        "Garcia", "Mahlangu", "Suzuki", "Barros", "Demir", "Eriksson", "Huang", "Mwangi", "Romero", "Schneider",
        "Takahashi", "Vargas", "Yusupov", "Andersen", "Bakr", "Costa", "Dlamini", "Esposito", "Fischer", "Gomez",
        "Hoffmann", "Ito", "Jovanovic", "Khalil", "Lopez", "Markovic", "Nakamura", "Olsen", "Pereira", "Qureshi",
        "Reyes", "Sokolov", "Tran", "Urquhart", "Vasquez", "Weber", "Xu", "Yamamoto", "Zielinski", "Abubakar",
        "Berg", "Chowdhury", "Dimitrov", "Ekwueme", "Fernandes", "Grünewald", "Hakimi", "Iqbal", "Jaramillo",
        "Kovacs", "Lindgren", "Mansour", "Nielsen", "Obi", "Pavlova", "Quintero", "Rashid", "Salazar", "Toure",
        "Ulrich", "Varga", "Wojcik", "Yadav", "Zhou", "Aguilar", "Boateng", "Cruz", "Dahl", "Eze", "Fontaine", "Gupta",
        "Halvorsen", "Ibarra", "Jansen", "Kaplan", "Lemaire", "Mbeki", "Nguyen", "Ortega", "Park", "Quinn", "Richter",
        "Santos", "Thorsen", "Uchenna", "Vidal", "Wu", "Yeo", "Zapata", "Arslan", "Brandt", "Carvalho", "Duarte",
        "Engel", "Farah", "Gallo", "Hosseini", "Ilic", "Jung", "Koroma", "Lund", "Molina", "Ndiaye", "Orlov", "Pinto",
    ];

    public static readonly string[] ChairTitles = ["Prime Minister", "Premier", "President", "Chair", "Speaker", "Governor"];

    public static readonly string[] Titles =
    [
        "Deputy Prime Minister", "Vice Premier", "State Councilor", "Secretary-General", "Vice Chair", "Deputy Governor",
        "Senior Minister", "Chief Economist", "Commissioner", "Deputy Speaker",
    ];

    public static readonly string[] Outlets =
    [
        "Synthetic Wire", "Meridian News Agency", "The Capital Ledger", "Northern Dispatch", "Harbor Press Service",
        "Continental Review", "Civic Bulletin", "The Evening Record",
    ];

    public static readonly string[] Sessions =
    [
        "executive meeting", "regular meeting", "plenary session", "weekly meeting", "extraordinary session",
        "working meeting", "special session", "quarterly meeting",
    ];

    public static readonly string[] NounHeads =
    [
        "more support for", "stronger protection of", "faster approval of", "better coordination of", "steady growth in",
        "a review of", "new measures for", "closer oversight of", "greater investment in", "fair access to",
        "tighter rules on", "targeted help for", "wider use of", "long-term planning for", "sound management of",
        "a timetable for", "lower costs for", "clear standards for", "sustained funding for", "a plan to modernise",
        "an audit of", "full transparency in", "urgent repairs to", "fresh incentives for", "the expansion of",
    ];

    public static readonly string[] VerbHeads =
    [
        "expand", "strengthen", "simplify", "speed up", "protect", "modernise", "review", "support", "upgrade", "stabilise",
        "reform", "fund", "coordinate", "monitor", "improve", "open up", "restructure", "safeguard", "promote", "extend",
    ];

    public static readonly string[] Objects =
    [
        "small and medium-sized firms", "rural broadband", "the grain reserve", "coastal fisheries", "public hospitals",
        "primary schools", "the pension system", "regional railways", "export credit", "household energy bills",
        "affordable housing", "the power grid", "water supply in drought areas", "graduates entering the job market",
        "local government debt", "vocational training", "the national seed bank", "flood defences", "urban bus services",
        "mental health care", "border crossings", "the customs service", "foreign direct investment", "renewable energy projects",
        "the tax administration", "consumer credit", "farm cooperatives", "medical supplies", "the statistics office",
        "port infrastructure", "cross-border trade", "research universities", "disaster relief stocks", "elder care",
        "public procurement", "the land registry", "mining safety", "air quality monitoring", "forest protection",
        "the digital identity scheme", "childcare places", "rural roads", "the wholesale electricity market",
        "cultural heritage sites", "the civil service", "judicial appointments", "veterans' benefits", "tourism promotion",
        "shipbuilding", "the semiconductor industry", "textile exporters", "wastewater treatment", "cybersecurity capacity",
        "drinking water quality", "the central bank's reserves", "microfinance lenders", "seasonal workers",
        "the anti-corruption agency", "regional airports", "public libraries", "the fishing fleet", "coal mine closures",
        "organic farming", "the housing rental market", "student loans", "maternity services", "rare earth processing",
    ];

    public static readonly string[] Qualifiers =
    [
        "in rural areas", "before the end of the year", "over the next five years", "in the northern provinces",
        "in line with the budget ceiling", "during the winter months", "in the border regions", "across all ministries",
        "with private partners", "within six months", "in the coastal districts", "after the floods", "in the capital",
        "under the new fiscal rules", "by the next session", "for the coming harvest", "in the mountain districts",
        "in cooperation with neighbouring states", "with international lenders", "at the local level",
    ];

    public static readonly string[] NounVerbs = ["called for", "stressed", "urged", "underlined the need for", "endorsed", "demanded", "welcomed"];

    public static readonly string[] InfinitiveVerbs = ["decided to", "agreed to", "pledged to", "resolved to", "vowed to"];

    public static readonly (string Kind, string Template)[] DocumentTemplates =
    [
        ("guideline", "guideline on promoting {0}"),
        ("plan", "five-year plan for {0}"),
        ("law", "law on {0}"),
        ("regulation", "regulations on the management of {0}"),
        ("opinion", "opinions on further supporting {0}"),
        ("report", "report on {0}"),
        ("plan", "action plan for {0}"),
        ("regulation", "interim measures for {0}"),
        ("law", "draft amendment to the law on {0}"),
        ("document", "white paper on {0}"),
    ];

    public static readonly string[] Ledes =
    [
        "set out its priorities for the months ahead.", "took stock of the economy.", "met amid concern over rising prices.",
        "turned to the budget.", "discussed the outlook for growth.", "met for the first time since the recess.",
        "focused on public services.", "weighed the response to recent storms.", "looked at the state of public finances.",
    ];

    public static readonly string[] Closings =
    [
        "Officials said the details would be published later.", "No vote was taken on the remaining items.",
        "The next meeting is expected within weeks.", "Opposition members criticised the pace of the reforms.",
        "Analysts said the measures were broadly in line with expectations.", "A statement was issued after the meeting.",
        "The session lasted about three hours.", "Reporters were briefed afterwards by a spokesperson.",
    ];

    public static readonly string[] Weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static readonly string[] MonthAbbreviations = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
}
