package org.opencce.domain.community.synthetic;

import java.util.List;

/**
 * Invented customer names for the demo: people for residential accounts, businesses for commercial
 * ones. The word lists are our own; a name that matches a real person or business does so by chance.
 * Stateless and thread-safe.
 */
final class CustomerNames {
    private static final List<String> FIRST = List.of(
            "Aaron", "Abigail", "Adam", "Adriana", "Ahmed", "Aiden", "Aisha", "Alan", "Alejandro", "Alex",
            "Alice", "Alicia", "Amanda", "Amara", "Amy", "Ana", "Andre", "Andrea", "Andrew", "Angela",
            "Anita", "Ann", "Anthony", "Arjun", "Ava", "Barbara", "Beatriz", "Ben", "Benjamin", "Beth",
            "Bill", "Brandon", "Brenda", "Brian", "Brianna", "Bruce", "Caleb", "Camila", "Carl", "Carlos",
            "Carmen", "Carol", "Caroline", "Catherine", "Charles", "Charlotte", "Chen", "Chloe", "Chris",
            "Christine", "Claire", "Colin", "Connor", "Craig", "Cynthia", "Daniel", "Danielle", "David",
            "Deborah", "Deepa", "Denise", "Derek", "Diana", "Diego", "Donna", "Dorothy", "Dylan", "Edward",
            "Eleanor", "Elena", "Eli", "Elijah", "Elizabeth", "Ellen", "Emily", "Emma", "Eric", "Erin",
            "Esther", "Ethan", "Eva", "Evan", "Faith", "Fatima", "Felix", "Fernando", "Fiona", "Frances",
            "Frank", "Gabriel", "Gabriela", "Gary", "George", "Grace", "Greg", "Hannah", "Harold", "Hector",
            "Helen", "Henry", "Hiro", "Holly", "Ian", "Imani", "Irene", "Isaac", "Isabel", "Ivan", "Jack",
            "Jacob", "Jamal", "James", "Jane", "Janet", "Jasmine", "Jason", "Javier", "Jean", "Jennifer",
            "Jeremy", "Jessica", "Jin", "Joan", "Joel", "John", "Jonathan", "Jorge", "Jose", "Joseph",
            "Joyce", "Juan", "Judith", "Julia", "Julian", "Justin", "Karen", "Katherine", "Keisha", "Kevin",
            "Kim", "Kyle", "Laura", "Lauren", "Leah", "Leo", "Liam", "Lily", "Linda", "Lisa", "Logan",
            "Lucas", "Lucia", "Luis", "Lydia", "Madison", "Malik", "Marcus", "Margaret", "Maria", "Mark",
            "Martha", "Mary", "Mateo", "Matthew", "Maya", "Megan", "Mei", "Melissa", "Michael", "Michelle",
            "Miguel", "Mohammed", "Monica", "Nadia", "Nancy", "Naomi", "Nathan", "Nicholas", "Nicole",
            "Nina", "Noah", "Nora", "Olivia", "Omar", "Oscar", "Owen", "Pamela", "Patricia", "Patrick",
            "Paul", "Paula", "Peter", "Philip", "Priya", "Rachel", "Rafael", "Rahul", "Ravi", "Rebecca",
            "Richard", "Rita", "Robert", "Rosa", "Ruth", "Ryan", "Samantha", "Samuel", "Sandra", "Sara",
            "Scott", "Sean", "Sharon", "Sofia", "Sophie", "Stephanie", "Stephen", "Steven", "Susan", "Tanya",
            "Teresa", "Thomas", "Timothy", "Tom", "Tyler", "Valerie", "Vanessa", "Victor", "Victoria",
            "Vincent", "Walter", "Wei", "William", "Xavier", "Yara", "Yusuf", "Zachary", "Zoe");

    private static final List<String> LAST = List.of(
            "Abbott", "Adams", "Aguilar", "Ahmed", "Alvarez", "Anderson", "Andrews", "Bailey", "Baker",
            "Banerjee", "Barnes", "Barrett", "Beaulieu", "Bell", "Bennett", "Bergeron", "Bishop", "Boucher",
            "Bradley", "Brennan", "Brooks", "Brown", "Bryant", "Burke", "Butler", "Byrne", "Campbell",
            "Carey", "Carter", "Castillo", "Chan", "Chen", "Choi", "Clark", "Cohen", "Cole", "Collins",
            "Connolly", "Cook", "Cooper", "Costa", "Coughlin", "Cruz", "Cullen", "Cummings", "Daley",
            "Davis", "Delgado", "Dempsey", "Diaz", "Dixon", "Donovan", "Doyle", "Dubois", "Duffy", "Dunn",
            "Edwards", "Ellis", "Evans", "Falcone", "Farrell", "Ferreira", "Fischer", "Fitzgerald", "Flynn",
            "Foley", "Foster", "Fournier", "Gagnon", "Garcia", "Gill", "Goldberg", "Gomez", "Gonzalez",
            "Gordon", "Graham", "Grant", "Gray", "Green", "Griffin", "Gupta", "Hall", "Hamilton", "Harris",
            "Hayes", "Healy", "Hernandez", "Hill", "Hoffman", "Holmes", "Howard", "Hughes", "Hunt", "Iyer",
            "Jackson", "James", "Jensen", "Johnson", "Jones", "Kaplan", "Kelly", "Kennedy", "Khan", "Kim",
            "King", "Kowalski", "Kumar", "Lambert", "Larson", "Lee", "Levesque", "Lewis", "Li", "Liu",
            "Lopez", "Lynch", "MacDonald", "Mahoney", "Malone", "Martin", "Martinez", "Mason", "McCarthy",
            "McGrath", "Mendes", "Meyer", "Miller", "Mitchell", "Moore", "Morales", "Moreau", "Morgan",
            "Murphy", "Murray", "Nelson", "Nguyen", "Nowak", "O'Brien", "O'Connor", "Okafor", "Oliveira",
            "Olson", "Ortiz", "Owens", "Park", "Parker", "Patel", "Pereira", "Perez", "Perry", "Peterson",
            "Phillips", "Pierce", "Quinn", "Ramirez", "Ramos", "Reed", "Reilly", "Reyes", "Richardson",
            "Rivera", "Roberts", "Robinson", "Rodriguez", "Rogers", "Romano", "Rosen", "Ross", "Russo",
            "Ryan", "Sanchez", "Santos", "Schmidt", "Scott", "Shah", "Shea", "Silva", "Singh", "Smith",
            "Snow", "Sousa", "Stewart", "Sullivan", "Sweeney", "Tanaka", "Taylor", "Thomas", "Thompson",
            "Torres", "Tran", "Tremblay", "Turner", "Vargas", "Vasquez", "Wagner", "Walsh", "Wang", "Ward",
            "Watson", "Weiss", "White", "Williams", "Wilson", "Wong", "Wood", "Wright", "Wu", "Yang",
            "Young", "Zhang", "Zielinski");

    /** Place words of the Pioneer Valley that local businesses like to take their names from. */
    private static final List<String> PLACES = List.of(
            "Valley", "Pioneer", "Hilltop", "Mill River", "Riverside", "Holyoke Range", "Orchard", "Meadow",
            "Cedar", "Maple", "Pine Grove", "Quabbin", "Norwottuck", "Hampshire", "Kestrel", "Blue Heron",
            "Fox Hollow", "Brookside", "Stone Wall", "Red Barn", "Elm Street", "Oak Hill", "Birch", "North Star",
            "Crescent", "Summit", "Granite", "Fort Hill", "Round Hill", "Sugarloaf", "Mount Tom", "Lamplighter",
            "Common", "Harvest", "Five College", "Paradise Pond", "Cherry Hill", "Amethyst", "Echo Hill",
            "Connecticut River", "Town Center", "Bridge Street", "Main Street", "Florence", "Leeds");

    private static final List<String> SMALL_BUSINESS = List.of(
            "Bakery", "Café", "Coffee Roasters", "Pizza", "Diner", "Deli", "Books", "Hardware", "Florist",
            "Dental Associates", "Chiropractic", "Physical Therapy", "Yoga Studio", "Barbershop",
            "Hair Studio", "Dry Cleaners", "Laundromat", "Auto Repair", "Tire & Auto", "Insurance Agency",
            "Realty", "Accounting", "Architects", "Veterinary Clinic", "Pet Supply", "Bike Shop",
            "Outfitters", "Music", "Print Shop", "Tailoring", "Jewelers", "Optical", "Wine & Spirits",
            "Farm Stand", "Bagels", "Tea House", "Gallery", "Framing", "Landscaping", "Plumbing & Heating",
            "Electric", "Counseling", "Child Care", "Learning Center", "Martial Arts", "Dance Studio",
            "Antiques", "Toys", "Ice Cream", "Noodle Bar", "Taqueria", "Bistro", "Design", "Law Office");

    private static final List<String> MEDIUM_BUSINESS = List.of(
            "Inn", "Market", "Co-op Market", "Restaurant & Tavern", "Medical Group", "Fitness Center",
            "Self Storage", "Apartments", "Animal Hospital", "Printing", "Brewing Company", "Motors",
            "Lanes", "Cinema", "Lumber", "Health Center", "Montessori School", "Hotel", "Rehabilitation",
            "Garden Center", "Distillery", "Office Park");

    private static final List<String> LARGE_BUSINESS = List.of(
            "Cold Storage", "Medical Center", "Supermarket", "Manufacturing", "Plastics", "Paper Company",
            "Data Center", "Ice Arena", "Senior Living", "Foods", "Conference Center", "Precision Machining");

    private static final List<String> SUFFIXES = List.of("", "", "", " LLC", " Inc.", " Co.");

    private CustomerNames() {
    }

    /** A household's name: mostly one person, sometimes a couple sharing a surname. */
    static String person(SeededRandom random) {
        String last = random.pick(LAST);
        if (random.chance(0.12)) {
            return random.pick(FIRST) + " & " + random.pick(FIRST) + " " + last;
        }
        return random.pick(FIRST) + " " + last;
    }

    /** A small business (G-1): a place or a family name and a trade. */
    static String smallBusiness(SeededRandom random) {
        String trade = random.pick(SMALL_BUSINESS);
        String owner = random.chance(0.35) ? random.pick(LAST) + "'s" : random.pick(PLACES);
        return owner + " " + trade + random.pick(SUFFIXES);
    }

    /** A medium business (G-2). */
    static String mediumBusiness(SeededRandom random) {
        return random.pick(PLACES) + " " + random.pick(MEDIUM_BUSINESS) + random.pick(SUFFIXES);
    }

    /** A large customer (G-3). */
    static String largeBusiness(SeededRandom random) {
        return random.pick(PLACES) + " " + random.pick(LARGE_BUSINESS) + random.pick(SUFFIXES);
    }
}
