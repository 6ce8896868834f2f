namespace Search.Core.Extraction;

/// <summary>
/// The word lists <see cref="Clean"/> and <see cref="Resolve"/> read: what qualifies a name, what ends it, and
/// what makes a capitalised phrase an organisation, a place or a time instead of a person.
/// </summary>
public sealed partial class PersonNames
{
    /// <summary>Words that introduce or qualify a name and are not part of it.</summary>
    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "President-elect", "Vice", "Prime", "Minister", "Secretary", "General", "Chancellor",
        "Senator", "Sen.", "Sens.", "Rep.", "Reps.", "Representative", "Gov.", "Governor", "Mayor", "Mr.",
        "Mrs.", "Ms.", "Dr.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.", "Adm.", "Cmdr.", "Del.", "Rev.", "Prof.",
        "Admiral", "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador", "Chairman", "Chairwoman", "Chair",
        "CEO", "Director", "Judge", "Justice", "Chief", "Speaker", "Leader", "Majority", "Minority", "Press",
        "Deputy", "Former", "Sir", "Dame", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Pope", "Father",
        "Professor", "Commissioner", "Attorney", "Officer", "Coach", "Senior", "Adviser", "Advisor", "Candidate",
        "Nominee", "Then", "Then-President", "First", "Congressman", "Congresswoman", "Assemblyman",
        "Assemblywoman", "Councilman", "Councilwoman", "Sheriff", "Commander", "Analyst", "Economist", "Author",
        "Activist", "Founder", "Host", "Anchor", "Rabbi", "Imam", "Pastor", "Reverend", "Chaplain", "Moderator", "Co-moderator", "Bishop", "Cardinal", "Detective", "Inspector",
        "Superintendent", "Lieutenant", "Sergeant", "Captain", "Colonel", "Major", "Private", "Officer",
        "Treasurer", "Comptroller", "Auditor", "Premier", "Foreign", "Defense", "Defence", "Interior", "State",
        "Finance", "Health", "Trade", "Security", "National", "Homeland", "Press", "Acting", "Interim", "Executive",
        "Democrat", "Democratic", "Republican", "GOP", "Independent", "Libertarian", "Presidential",
        "Vice-Presidential", "Rival", "Sen", "Rep", "Gov", "Mr", "Mrs", "Ms", "Dr", "Senators", "Secretary-General",
        "Representatives", "Governors", "Reporter", "Columnist", "Editor", "Correspondent", "Writer",
        "Councillor", "Councilor", "Labor", "Commerce", "Education", "Agriculture", "Transportation", "Transport",
        "Energy", "Veterans", "Housing", "Affairs", "Pollster", "Strategist", "Consultant", "Lobbyist", "Prosecutor",
        // Commonwealth titles: councillors ("Cr Jane Roe", "Cllr Roe") and members ("Greens MP Jane Roe").
        "Cr", "Cr.", "Cllr", "Cllr.", "MP", "MPs", "MLA", "MPP", "MSP", "MEP", "QC", "KC",
        // Ranks, written out or shortened with or without a full stop, as police and army press releases
        // in Commonwealth countries write them ("Brig Jane Roe", "Lt-Gen Roe", "Warrant Officer Roe").
        "Gen", "Brig", "Brig.", "Brigadier", "Brigadier-General", "Maj", "Maj.", "Maj-Gen", "Major-General",
        "Lt", "Lt-Gen", "Lt-Col", "Lieutenant-General", "Lieutenant-Colonel", "Col", "Capt", "Cpt", "Cdr", "Cdr.",
        "Cmdr", "Sgt", "Cpl", "Cpl.", "Corporal", "Pte", "Pte.", "Constable", "Const", "Const.", "Supt", "Supt.",
        "Insp", "Insp.", "Inspector-General", "Commissioner-General", "Marshal", "Warrant", "Commodore",
        "Trooper", "Ensign", "Airman", "Admiral", "Vice-Admiral", "Rear",
        // People described by what they do, written before the name in captions and lead sentences
        // ("Campaigner Jane Roe", "Lawyer John Doe told ...").
        "Campaigner", "Lawyer", "Barrister", "Solicitor", "Counsel", "Historian", "Scientist", "Researcher",
        "Doctor", "Nurse", "Farmer", "Resident", "Witness", "Eyewitness", "Student", "Teacher", "Manager",
        "Boss", "Owner", "Photographer", "Journalist", "Broadcaster", "Presenter", "Comedian", "Musician",
        "Artist", "Designer", "Architect", "Engineer", "Entrepreneur", "Businessman", "Businesswoman", "Tycoon",
        "Billionaire", "Investor", "Banker", "Official", "Diplomat", "Envoy", "Negotiator", "Organiser",
        "Organizer", "Volunteer", "Advocate", "Striker", "Midfielder", "Defender", "Goalkeeper", "Skipper",
        "Veteran", "Chairperson", "Vice-President", "Vice-Chancellor", "Principal",
        "Magistrate", "Coroner", "Attorney-General", "Solicitor-General", "Auditor-General", "Director-General",
        "Surgeon-General", "Chief-Executive", "Registrar", "Mufti", "Shri", "Smt", "Smt.", "Hon", "Hon.",
        "Honourable", "Honorable", "Excellency", "Mx", "Mx.", "Miss", "Madam", "Madame", "Monsieur", "Herr",
        "Frau", "Senor", "Señor", "Señora", "Signor",
    };

    /// <summary>
    /// Words that name an organisation, unit or place: a name after one of them in the same capitalised run is
    /// a member of it ("Public Security Directorate Jane Roe", "Harbour Police Jane Roe" → "Jane Roe").
    /// </summary>
    private static readonly HashSet<string> OrganisationHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "Directorate", "Secretariat", "Inspectorate", "Ministry", "Department", "Agency", "Authority", "Bureau",
        "Office", "Police", "Service", "Services", "Command", "Division", "Unit", "Squad", "Council", "Commission",
        "Committee", "Board", "Party", "Union", "Association", "Federation", "Institute", "University", "Hospital",
        "Municipality", "Corporation", "Company", "Group", "Force", "Forces", "Army", "Navy", "Government",
    };

    /// <summary>Role words that are also common surnames: last in a name they are the name.</summary>
    private static readonly HashSet<string> SurnameRoles = new(StringComparer.Ordinal)
    {
        "King", "Major", "Bishop", "Prince", "Judge", "Chancellor", "Sheriff", "Pope", "Cardinal", "Lord", "Coach",
        "Farmer", "Marshal", "Constable", "Nurse", "Doctor", "Banker", "Warrant", "Miss", "Principal", "Counsel",
        "Owner", "Teacher", "Witness", "Advocate", "Striker", "Trooper", "Official", "Dean", "Madam",
    };

    /// <summary>Personal titles: a surname written after one of these names a person ("Mr. Obama").</summary>
    private static readonly HashSet<string> PersonalTitles = new(StringComparer.Ordinal)
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "President", "Senator", "Governor",
        "Mayor", "Secretary", "Minister", "Judge", "Justice", "Chancellor", "Speaker", "Ambassador", "Prof.",
        "Mr", "Mrs", "Ms", "Dr", "Lt.", "Col.", "Adm.", "Rev.", "Pope", "Premier", "Cr", "Cr.", "Cllr", "Cllr.",
    };

    /// <summary>Letters written after a name, not part of it: "Jane Roe QC", "John Doe MP", "Ann Lee OBE".</summary>
    private static readonly HashSet<string> PostNominals = new(StringComparer.Ordinal)
    {
        "QC", "KC", "MP", "MLA", "MPP", "MSP", "MEP", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD", "Ph.D.", "Esq", "Esq.", "SC",
    };

    /// <summary>Words that make a phrase an organisation, a place, a group or a time, never a person.</summary>
    private static readonly HashSet<string> NonPersonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        // Organisations and institutions.
        "Department", "Committee", "Campaign", "University", "College", "School", "Institute", "Center", "Centre",
        "Agency", "Bureau", "Service", "Services", "Office", "Foundation", "Group", "Inc", "Inc.", "Corp", "Corp.",
        "Company", "Co.", "LLC", "Administration", "Congress", "Senate", "House", "Police", "Pentagon", "Kremlin",
        "Commission", "Board", "Council", "Association", "Network", "Union", "Coalition", "Fund", "Bank", "Party",
        "Court", "Ministry", "Embassy", "Government", "Parliament", "Assembly", "Legislature", "Caucus", "Club",
        "Alliance", "Organization", "Organisation", "Project", "Trust", "Church", "Hospital", "Army", "Navy",
        "Force", "Forces", "Guard", "Energy", "Oil", "Airlines", "Motors", "Technologies", "Media", "Magazine",
        "News", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Globe", "Daily", "Press", "Review",
        "Reuters", "Twitter", "Facebook", "Google", "YouTube", "Instagram", "Convention", "Amendment", "Act",
        "Program", "Programme", "Plan", "Treaty", "Summit", "Conference", "Olympics", "Games", "Fargo", "Street",
        "Research", "Poll", "Survey", "Report", "Study", "Index", "Statement", "Statements", "Readout",
        "Republicans", "Democrats", "Americans", "Officials", "Sources", "Critics", "Experts", "Analysts",
        "Jews", "Muslims", "Christians", "Catholics", "Evangelicals", "Latinos", "Chamber", "Crossroads",
        "Supporters", "Voters", "Lawmakers", "Leaders", "Authorities", "Investigators", "Prosecutors",
        "Nations", "Union", "Republic", "Kingdom", "Emirates", "Federation", "Security", "Intelligence",
        "Movement", "League", "Front", "Reserve", "Federal", "Treasury", "Cabinet", "Authority", "Tribunal",
        "Fire", "Rescue", "Brigade", "Airport", "Railways", "Province", "District", "Region", "Territory",
        // Peoples and regions as adjectives: "Japanese", "Central Asian", "American Special Operations".
        "American", "Asian", "European", "African", "Russian", "Chinese", "Japanese", "Korean", "Iranian",
        "Iraqi", "Syrian", "Israeli", "Palestinian", "British", "Mexican", "Canadian",
        "Ukrainian", "Turkish", "Afghan", "Pakistani", "Arab", "Arabs", "Kurdish", "Hispanic",
        "Latino", "Jewish", "Muslim", "Catholic", "Italian", "Spanish", "Brazilian", "Egyptian",
        // Places.
        "America", "United", "States", "Russia", "China", "Ukraine", "Moscow", "Beijing", "Kyiv", "Kiev",
        "Washington", "Europe", "Asia", "Africa", "Britain", "England", "Scotland", "Ireland", "Wales", "Iran",
        "Iraq", "Israel", "Syria", "Turkey", "Germany", "France", "Italy", "Spain", "Japan", "Korea", "India",
        "Pakistan", "Afghanistan", "Taiwan", "Belarus", "Poland", "Canada", "Mexico", "Cuba", "Venezuela",
        "Brazil", "Egypt", "Saudi", "Arabia", "Qatar", "Yemen", "Libya", "Lebanon", "Jordan", "Gaza", "NATO",
        "Australia", "London", "Paris", "Berlin", "Brussels", "Tokyo", "Seoul", "Tehran", "Baghdad", "Damascus",
        "Jerusalem", "Hill", "Zero", "Valley", "County", "City", "Island", "Islands", "Sea", "Ocean", "River",
        "Eastern", "Western", "Northern", "Southern", "East", "West", "North", "South", "Middle", "Capitol", "Central", "Greater",
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
        "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
        "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
        "Montana", "Nebraska", "Nevada", "Hampshire", "Jersey", "York", "Carolina", "Dakota", "Ohio",
        "Oklahoma", "Oregon", "Pennsylvania", "Rhode", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
        "Wisconsin", "Wyoming", "Chicago", "Manhattan", "Brooklyn", "Hollywood", "Silicon",
        // "New Delhi", "New Zealand": no one is called New; and other countries and large cities abroad (not
        // those that are also given names: Geneva, Vienna, Kenya, Sydney).
        "New", "Delhi", "Mumbai", "Karachi", "Islamabad", "Lahore", "Dhaka", "Kabul", "Dubai", "Riyadh", "Cairo",
        "Nairobi", "Lagos", "Johannesburg", "Pretoria", "Melbourne", "Brisbane", "Canberra", "Toronto", "Ottawa",
        "Vancouver", "Montreal", "Singapore", "Manila", "Jakarta", "Bangkok", "Hanoi", "Shanghai",
        "Rome", "Madrid", "Athens", "Warsaw", "Ankara", "Istanbul", "Nigeria", "Zealand",
        "Philippines", "Indonesia", "Malaysia", "Thailand", "Vietnam", "Bangladesh", "Ethiopia", "Sudan",
        // Times and other capitalised non-names.
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "June", "July", "August", "September", "October", "November", "December",
        "Christmas", "Easter", "Ramadan", "God", "Internet", "Web", "Covid", "COVID-19",
    };

    /// <summary>Places and common words that are also frequent surnames, written last in a full name.</summary>
    private static readonly HashSet<string> PlaceSurnames = new(StringComparer.Ordinal)
    {
        "Jordan", "West", "York", "Paris", "Washington", "London", "Hill", "Read", "Israel", "Chad",
    };

    /// <summary>Articles of French, Spanish, Italian, Portuguese and German titles and place names.</summary>
    private static readonly HashSet<string> ForeignArticles = new(StringComparer.Ordinal)
    {
        "La", "Le", "Les", "Los", "Las", "El", "Il", "Lo", "Die", "Der", "Das",
    };

    /// <summary>Capitalised function words that start sentences; never part of a name.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "You", "This", "That", "These", "Those", "But",
        "And", "Or", "So", "In", "On", "At", "As", "If", "When", "While", "After", "Before", "Also", "Asked",
        "Speaking", "Still", "However", "Meanwhile", "Later", "Earlier", "Today", "Yesterday", "Last", "Next",
        "Following", "During", "His", "Her", "Their", "Our", "My", "Its", "Both", "Some", "Many", "Others",
        "Everyone", "Nobody", "One", "Two", "Several", "Most", "All", "No", "Yes", "Not", "Then", "There",
        "Here", "What", "Why", "How", "Who", "Where", "Which", "Even", "Just", "Yet", "Everything", "Nothing", "Like", "Unlike",
        "Between", "Among", "Against", "Despite", "Through", "Into", "Upon", "Toward", "Towards", "Within", "Beyond", "Now", "Only", "Such", "Each",
        "Every", "According", "Instead", "Indeed", "Although", "Though", "Because", "Since", "Until", "Under",
        "Over", "With", "Without", "From", "For", "Of", "To", "By", "About", "Dear", "Thanks", "Thank", "Please",
        "Read", "Watch", "Click", "Update", "Updated", "Via", "Source", "Photo", "Image", "Video", "Editor",
    };
}
