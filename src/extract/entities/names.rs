//! The built-in name lists: a small gazetteer, well-known organisations, first names,
//! nationality words, and the words that make or break a name.
//!
//! In: a word or name as written. Out: whether a list knows it. The lists are deliberately
//! small and generic; the ones looked up by binary search are sorted (a test checks).

/// A place the gazetteer knows ("Kyiv", "Gaza", "United States").
pub(super) fn is_place(name: &str) -> bool {
    PLACES.binary_search(&name).is_ok()
}

/// "MOSCOW" in a dateline: a known place written in capitals.
pub(super) fn is_shouted_place(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    let title: String = std::iter::once(first).chain(chars.flat_map(char::to_lowercase)).collect();
    title.chars().count() >= 4 && is_place(&title)
}

/// A body the list of well-known organisations knows ("NATO", "Kremlin").
pub(super) fn is_known_org(name: &str) -> bool {
    KNOWN_ORGS.binary_search(&name).is_ok()
}

/// A common first name.
pub(super) fn is_first_name(word: &str) -> bool {
    FIRST_NAMES.binary_search(&word).is_ok()
}

/// A weekday or month name.
pub(super) fn is_calendar_word(word: &str) -> bool {
    CALENDAR.binary_search(&word).is_ok()
}

/// "Russian", "Europeans", "Ukrainian": nationality words, not names of places.
pub(super) fn is_demonym_word(word: &str) -> bool {
    is_demonym(word) || word.strip_suffix('s').is_some_and(is_demonym)
}

/// A nationality or regional adjective in the singular ("Russian", "Ukrainian").
pub(super) fn is_demonym(word: &str) -> bool {
    if DEMONYMS.binary_search(&word).is_ok() {
        return true;
    }
    let long = word.chars().count() >= 6;
    long && (word.ends_with("ian") || word.ends_with("ean")) && !is_first_name(word) && !is_place(word)
}

/// Countries, capitals, large cities and regions: common world places only.
const PLACES: &[&str] = &[
    "Abu Dhabi", "Addis Ababa", "Afghanistan", "Africa", "Alabama", "Alaska", "Albania", "Algeria", "Algiers",
    "America", "Americas", "Amman", "Amsterdam", "Angola", "Ankara", "Antarctica", "Argentina", "Arizona", "Armenia", "Asia",
    "Athens", "Atlanta", "Australia", "Austria", "Azerbaijan", "Baghdad", "Bahrain", "Baku", "Balkans", "Baltic",
    "Bangkok", "Bangladesh", "Barcelona", "Beijing", "Beirut", "Belarus", "Belgium", "Belgrade", "Berlin", "Bern",
    "Bogota", "Bolivia", "Bosnia", "Boston", "Brasilia", "Bratislava", "Brazil", "Brussels", "Bucharest", "Budapest",
    "Buenos Aires", "Bulgaria", "Cairo", "California", "Cambodia", "Cameroon", "Canada", "Canberra", "Caracas",
    "Caribbean", "Caucasus", "Chad", "Chicago", "Chile", "China", "Colombia", "Colorado", "Congo", "Copenhagen",
    "Crimea", "Croatia", "Cuba", "Cyprus", "Czech Republic", "Czechia", "Damascus", "Delhi", "Denmark", "Dhaka",
    "Doha", "Donbas", "Donbass", "Dubai", "Dublin", "Ecuador", "Edinburgh", "Egypt", "England", "Eritrea", "Estonia",
    "Ethiopia", "Eurasia", "Europe", "Finland", "Florida", "France", "Frankfurt", "Gaza", "Geneva", "Georgia",
    "Germany", "Ghana", "Greece", "Greenland", "Guatemala", "Haiti", "Hamburg", "Hanoi", "Havana", "Helsinki",
    "Hong Kong", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Islamabad", "Israel",
    "Istanbul", "Italy", "Jakarta", "Japan", "Jerusalem", "Jordan", "Kabul", "Kazakhstan", "Kenya", "Kharkiv",
    "Khartoum", "Kiev", "Kinshasa", "Korea", "Kosovo", "Kuwait", "Kyiv", "Kyrgyzstan", "Lagos", "Laos",
    "Latin America", "Latvia", "Lebanon", "Libya", "Lima", "Lisbon", "Lithuania", "London", "Los Angeles", "Luxembourg",
    "Lviv", "Madrid", "Malaysia", "Mali", "Manila", "Mexico", "Mexico City", "Miami", "Middle East", "Milan", "Minsk",
    "Moldova", "Mongolia", "Montenegro", "Morocco", "Moscow", "Mozambique", "Mumbai", "Munich", "Myanmar", "Nairobi",
    "Nepal", "Netherlands", "New Delhi", "New York", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Africa",
    "North America", "North Korea", "Northern Ireland", "Norway", "Odesa", "Odessa", "Oman", "Oslo", "Ottawa",
    "Pacific", "Pakistan", "Palestine", "Panama", "Paraguay", "Paris", "Peru", "Philippines", "Poland", "Portugal",
    "Prague", "Pyongyang", "Qatar", "Rabat", "Riga", "Riyadh", "Romania", "Rome", "Russia", "Rwanda", "Santiago",
    "Sarajevo", "Saudi Arabia", "Scandinavia", "Scotland", "Senegal", "Seoul", "Serbia", "Shanghai", "Siberia",
    "Singapore", "Slovakia", "Slovenia", "Somalia", "South Africa", "South America", "South Korea", "South Sudan",
    "Spain", "Sri Lanka", "Stockholm", "Sudan", "Sweden", "Switzerland", "Sydney", "Syria", "Taipei", "Taiwan",
    "Tajikistan", "Tallinn", "Tanzania", "Tbilisi", "Tehran", "Tel Aviv", "Texas", "Thailand", "Tibet", "Tokyo",
    "Toronto", "Tunisia", "Turkey", "Turkmenistan", "Türkiye", "U.K.", "U.S.", "U.S.A.", "UAE", "UK", "US", "USA",
    "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom", "United States", "Uruguay", "Uzbekistan",
    "Venezuela", "Vienna", "Vietnam", "Vilnius", "Wales", "Warsaw", "Washington", "West Bank", "Yemen", "Zagreb",
    "Zambia", "Zimbabwe",
];

/// Well-known bodies that no head noun reveals.
const KNOWN_ORGS: &[&str] = &[
    "Al Qaeda", "Al-Qaeda", "Amazon", "Apple", "Bundestag", "Duma", "Facebook", "Google", "Hamas", "Hezbollah",
    "Houthis", "Interpol", "Knesset", "Kremlin", "Meta", "Microsoft", "NATO", "Pentagon", "Reuters", "Taliban",
    "Tesla", "Vatican",
];

/// Capitalised words that are never names themselves: function words, sentence adverbs.
pub(super) const STOP_CAPITALS: &[&str] = &[
    "A", "About", "According", "Afterwards", "After", "Again", "Against", "All", "Also", "Although", "Among", "An", "And", "Any", "As", "At",
    "Because", "Before", "Between", "Both", "But", "By", "Despite", "During", "Each", "Earlier", "Even", "Every", "Finally", "Following",
    "For", "From", "He", "Her", "Here", "His", "How", "However", "I", "If", "In", "Instead", "Into", "It", "Its",
    "Just", "Last", "Later", "Many", "Meanwhile", "Most", "My", "Next", "No", "Not", "Now", "Of", "On", "Only", "Or", "Our",
    "Over", "Separately", "Several", "She", "Since", "So", "Some", "Still", "That", "The", "Their", "Then", "There", "These", "They",
    "This", "Those", "Though", "Thus", "To", "Today", "Tomorrow", "Tonight", "Under", "Until", "We", "What", "When",
    "Where", "Which", "While", "Who", "Why", "With", "Yesterday", "Yet", "You", "Your",
];

/// Small words a headline may leave lowercase.
pub(super) const HEADLINE_SMALL_WORDS: &[&str] = &[
    "a", "amid", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "nor", "of", "on", "or",
    "over", "the", "to", "vs", "with",
];

/// Upper-case words that are not names.
pub(super) const NOT_NAMES_UPPER: &[&str] = &["AM", "BST", "CET", "CEO", "EST", "GMT", "ID", "OK", "PM", "PST", "TV", "UTC"];

/// Lowercase name particles that may join two capitalised words.
pub(super) const NAME_CONNECTORS: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la", "le", "of", "van", "von",
];

/// Arabic articles written lowercase before a capitalised name ("al-Sharaa").
pub(super) const ARABIC_ARTICLES: &[&str] = &["ad", "al", "an", "as", "ash", "at", "az", "el", "ul", "ur"];

/// Capitalised prefixes that make a compound an adjective ("Pro-Ukrainian").
pub(super) const NAME_PREFIXES: &[&str] = &["Anti", "Ex", "Mid", "Neo", "Non", "Pan", "Post", "Pre", "Pro"];

/// Head nouns after which "of" continues a name ("Secretary of State", "Bank of England").
pub(super) const OF_HEADS: &[&str] = &[
    "Academy", "Bank", "Bay", "Cape", "Chamber", "Chief", "Church", "City", "College", "Commissioner", "Council",
    "Court", "Department", "Director", "Duke", "Emirate", "Federation", "Gulf", "House", "Institute", "Isle", "King",
    "Kingdom", "Minister", "Ministry", "Museum", "Office", "Prince", "Princess", "Province", "Queen", "Republic",
    "Sea", "Secretary", "State", "Strait", "Union", "University",
];

/// Last words that make a name an organisation.
pub(super) const ORG_HEADS: &[&str] = &[
    "Administration", "Agency", "Airlines", "Airways", "Alliance", "Army", "Assembly", "Association", "Authority",
    "Bank", "Board", "Brigade", "Brigades", "Bureau", "Cabinet", "Center", "Centre", "Church", "Club", "College",
    "Commission", "Committee", "Company", "Congress", "Corp", "Corp.", "Corporation", "Council", "Court",
    "Department", "Embassy", "Federation", "Forces", "Foundation", "Front", "Fund", "Government", "Group", "Guard",
    "Hospital", "House", "Inc", "Inc.", "Institute", "League", "Ltd", "Ministry", "Mission", "Movement", "Navy",
    "Network", "News", "Office", "Organisation", "Organization", "Parliament", "Party", "Police", "Post", "Reserve",
    "School", "Secretariat", "Senate", "Service", "Services", "Society", "Times", "Union", "University",
];

/// First words that make a name an organisation ("Ministry of Defence").
pub(super) const ORG_LEADS: &[&str] = &["Bank", "Council", "Department", "Institute", "Ministry", "Office", "University"];

/// Last words that make a name a place.
pub(super) const PLACE_HEADS: &[&str] = &[
    "Avenue", "Bay", "City", "Coast", "County", "Desert", "District", "Gulf", "Heights", "Island", "Islands", "Lake",
    "Mountain", "Mountains", "Oblast", "Ocean", "Palace", "Peninsula", "Province", "Region", "River", "Sea", "Square",
    "Strait", "Street", "Strip", "Valley",
];

/// Endings of common nouns and adjectives that start sentences capitalised.
pub(super) const COMMON_NOUN_ENDINGS: &[&str] = &[
    "al", "ant", "ed", "ent", "er", "ers", "ic", "ing", "ist", "ists", "ive", "ly", "man", "men", "ment", "ness", "or",
    "ors", "ous", "sion", "tion",
];

/// Lowercase words before a name that suggest a place ("in Pokrovsk").
pub(super) const PLACE_PREPOSITIONS: &[&str] = &["across", "in", "near", "outside"];

/// Weekdays and months: capitalised, never entities on their own.
const CALENDAR: &[&str] = &[
    "April", "August", "December", "February", "Friday", "January", "July", "June", "March", "May", "Monday",
    "November", "October", "Saturday", "September", "Sunday", "Thursday", "Tuesday", "Wednesday",
];

/// Nationality and regional adjectives that the `-ian`/`-ean` rule does not catch.
const DEMONYMS: &[&str] = &[
    "Afghan", "African", "American", "Arab", "Asian", "Australian", "Austrian", "Belgian", "British", "Chinese",
    "Czech", "Danish", "Dutch", "Emirati", "English", "Finnish", "French", "German", "Greek", "Iranian", "Iraqi",
    "Irish", "Israeli", "Italian", "Japanese", "Korean", "Kurdish", "Lebanese", "Pakistani", "Palestinian", "Polish",
    "Portuguese", "Qatari", "Russian", "Saudi", "Scottish", "Spanish", "Swedish", "Swiss", "Syrian", "Turkish",
    "Ukrainian", "Venezuelan", "Vietnamese", "Welsh", "Western", "Yemeni",
];

/// Common first names across languages (a person cue, not an exhaustive list).
const FIRST_NAMES: &[&str] = &[
    "Abdul", "Abdullah", "Adam", "Ahmad", "Ahmed", "Alan", "Alejandro", "Aleksandr", "Alex", "Alexander", "Alexandra",
    "Alexei", "Ali", "Alice", "Amanda", "Amy", "Ana", "Andrea", "Andrew", "Andrey", "Andrii", "Angela", "Anna", "Anne",
    "Anthony", "Antonio", "Ben", "Benjamin", "Bernard", "Bill", "Bob", "Boris", "Brian", "Carlos", "Caroline",
    "Catherine", "Charles", "Chris", "Christian", "Christine", "Christopher", "Claire", "Daniel", "David", "Dmitri",
    "Dmitriy", "Dmitry", "Donald", "Elena", "Elizabeth", "Emily", "Emma", "Emmanuel", "Eric", "Fatima", "Francesco",
    "Francis", "Frank", "François", "Friedrich", "Gary", "George", "Hans", "Hassan", "Helen", "Henry", "Hussein",
    "Igor", "Irina", "Ivan", "Jack", "James", "Jan", "Jane", "Jared", "Jean", "Jennifer", "Jessica", "Jim", "Joe",
    "John", "Jonathan", "Jorge", "Joseph", "José", "Juan", "Julia", "Karen", "Karl", "Kate", "Katherine", "Keir",
    "Kevin", "Kim", "Kirill", "Laura", "Lisa", "Luis", "Marco", "Maria", "Marie", "Mark", "Martin", "Mary",
    "Matthew", "Michael", "Michel", "Mikhail", "Mohamed", "Mohammad", "Mohammed", "Muhammad", "Nancy", "Natalia",
    "Nicolas", "Nikolai", "Oleksandr", "Olga", "Omar", "Patrick", "Paul", "Pedro", "Peter", "Philip", "Pierre",
    "Rachel", "Richard", "Robert", "Sarah", "Sergei", "Sergey", "Sergiy", "Stephen", "Steve", "Steven", "Susan",
    "Thomas", "Tim", "Tom", "Ursula", "Viktor", "Vladimir", "Volodymyr", "Wang", "William", "Xi", "Yulia", "Yuri",
    "Yusuf",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [PLACES, KNOWN_ORGS, FIRST_NAMES, CALENDAR, DEMONYMS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
    }
}
