//! Common English given names by sex, for the gender of a person named in full ("Tina
//! Brown" is "she" later). A general list of frequent given names, lowercased and sorted
//! for a binary search; a name on neither list says nothing.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

#[rustfmt::skip]
const MALE: &[&str] = &[
    "aaron", "adam", "alan", "albert", "alex", "alexander", "andrew", "anthony", "antonio",
    "arthur", "ben", "benjamin", "bill", "billy", "bob", "bobby", "brad",
    "bradley", "brandon", "brent", "brian", "bruce", "bryan", "carl", "carlos", "charles",
    "charlie", "chris", "christopher", "craig", "dan", "daniel", "darren",
    "dave", "david", "dennis", "dick", "don", "donald", "doug", "douglas", "ed", "eddie",
    "edward", "eric", "frank", "fred", "gary", "george", "gerald", "glenn", "greg", "gregory",
    "harold", "harry", "henry", "howard", "ian", "jack", "jacob", "jake", "james", "jason",
    "jeff", "jeffrey", "jeremy", "jerry", "jim", "jimmy", "joe", "joel", "john",
    "johnny", "jon", "jonathan", "jose", "joseph", "josh", "joshua", "juan", "justin", "keith",
    "ken", "kenneth", "kevin", "kyle", "larry", "lawrence", "lee", "louis", "luis", "marco",
    "mark", "martin", "matt", "matthew", "michael", "mike", "nathan", "neil",
    "nicholas", "nick", "patrick", "paul", "peter", "phil", "philip", "ralph",
    "randy", "ray", "raymond", "richard", "rick", "rob", "robert", "roger", "ron",
    "ronald", "roy", "russell", "ryan", "sam", "samuel", "scott", "sean", "stephen",
    "steve", "steven", "ted", "terry", "thomas", "tim", "timothy", "todd", "tom", "tony",
    "victor", "walter", "wayne", "william", "willie",
];

#[rustfmt::skip]
const FEMALE: &[&str] = &[
    "alice", "alicia", "amanda", "amy", "andrea", "angela", "ann", "anna", "anne", "barbara",
    "betty", "beverly", "brenda", "carol", "caroline", "catherine", "cheryl", "christina",
    "christine", "cynthia", "deborah", "debra", "denise", "diana", "diane", "donna", "dorothy",
    "elizabeth", "ellen", "emily", "emma", "evelyn", "frances", "gloria", "grace",
    "hannah", "heather", "helen", "jacqueline", "jane", "janet", "janice",
    "jean", "jennifer", "jessica", "jill", "joan", "joyce", "judith", "judy", "julia", "julie",
    "karen", "kate", "katherine", "kathleen", "kathy", "kelly", "kimberly", "laura",
    "lauren", "linda", "lisa", "lori", "louise", "margaret", "maria", "marie", "marilyn",
    "martha", "mary", "megan", "melissa", "michelle", "nancy", "nicole", "olivia",
    "pamela", "patricia", "rachel", "rebecca", "rose", "ruth", "sandra", "sara", "sarah",
    "sharon", "shirley", "sophia", "stephanie", "susan", "teresa", "theresa",
    "victoria", "virginia",
];

/// The sex a given name usually has, if it is a common one.
pub fn gender_of_given(word: &str) -> Option<Gender> {
    let mut buf = [0; 24];
    let w = super::lexicon::lower_str(word, &mut buf);
    if MALE.binary_search(&w).is_ok() {
        Some(Gender::Male)
    } else if FEMALE.binary_search(&w).is_ok() {
        Some(Gender::Female)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_disjoint() {
        assert!(MALE.windows(2).all(|w| w[0] < w[1]));
        assert!(FEMALE.windows(2).all(|w| w[0] < w[1]));
        assert!(MALE.iter().all(|m| FEMALE.binary_search(m).is_err()));
        assert_eq!(gender_of_given("Jane"), Some(Gender::Female));
        assert_eq!(gender_of_given("John"), Some(Gender::Male));
        assert_eq!(gender_of_given("Kirby"), None);
    }
}
