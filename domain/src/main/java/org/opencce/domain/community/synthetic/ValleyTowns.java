package org.opencce.domain.community.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.community.synthetic.TownProfile.Street;

/**
 * Town profiles of Valley Green Energy's members, Amherst, Northampton and Pelham, for the demo.
 *
 * <p>Account counts are round numbers of the right size, not utility data: Amherst has about 9,500
 * households (2020; towns.csv in the reference data) plus student apartments metered one by one;
 * Northampton (29,571 people in 2020) about 13,000 homes; Pelham (1,280 people) about 600. Street
 * names are plausible for each town, most of them its real streets (public facts), written down for
 * the demo without checking each against a street list; ZIP codes are the towns' own: Amherst 01002,
 * with 01003 for the University of Massachusetts campus; Northampton 01060, with 01062 for Florence;
 * Pelham shares Amherst's 01002. Stateless and thread-safe.
 */
public final class ValleyTowns {
    static final String AMHERST_ZIP = "01002";
    static final String UMASS_CAMPUS_ZIP = "01003";
    static final String NORTHAMPTON_ZIP = "01060";
    static final String FLORENCE_ZIP = "01062";
    static final String PELHAM_ZIP = "01002";

    private static final TownProfile AMHERST = new TownProfile("Amherst", 12_000, 1_200,
            concat(streets(AMHERST_ZIP, "Main St", "North Pleasant St", "South Pleasant St", "East Pleasant St",
                    "Triangle St", "Kellogg Ave", "Amity St", "Lincoln Ave", "Sunset Ave", "Northampton Rd",
                    "College St", "South East St", "North East St", "Belchertown Rd", "West St", "Pine St",
                    "Station Rd", "Shutesbury Rd", "Pelham Rd", "Strong St", "Gray St", "Dickinson St",
                    "Spring St", "Fearing St", "Mill Ln", "Meadow St", "Market Hill Rd", "Montague Rd", "Cowls Rd",
                    "Bay Rd", "Southpoint Dr", "Snell St", "Hallock St", "Chestnut St", "High St", "Woodside Ave",
                    "Orchard St", "Logtown Rd", "Potwine Ln", "Mechanic St", "Cottage St", "Sunderland Rd",
                    "Summer St", "Olympia Dr", "Stanley St", "Dana St", "Lessey St", "Blue Hills Rd",
                    "Pondview Dr", "Henry St", "Old Farm Rd", "Shays St", "Wildflower Dr", "Aubinwood Rd",
                    "Hills Rd", "Farview Way", "Tamarack Dr", "Moorland St", "Pomeroy Ln", "Mill St"),
                    streets(UMASS_CAMPUS_ZIP, "Massachusetts Ave", "Commonwealth Ave")),
            concat(streets(AMHERST_ZIP, "Main St", "North Pleasant St", "South Pleasant St", "Triangle St",
                    "Amity St", "University Dr", "College St", "Belchertown Rd", "Northampton Rd",
                    "East Pleasant St", "Sunderland Rd", "Boltwood Walk", "Kendrick Pl", "Montague Rd", "West St",
                    "Pine St", "Cowls Rd", "Gatehouse Rd"),
                    streets(UMASS_CAMPUS_ZIP, "Massachusetts Ave", "Commonwealth Ave", "Governors Dr")));

    private static final TownProfile NORTHAMPTON = new TownProfile("Northampton", 13_000, 1_500,
            concat(streets(NORTHAMPTON_ZIP, "Main St", "King St", "Pleasant St", "State St", "Elm St", "Bridge St",
                    "Market St", "Hawley St", "Prospect St", "Crescent St", "Henshaw Ave", "Round Hill Rd",
                    "West St", "South St", "Conz St", "Old South St", "Masonic St", "Center St", "Gothic St",
                    "Union St", "Locust St", "Jackson St", "Hatfield St", "North King St", "Damon Rd", "Earle St",
                    "Fort Hill Ter", "Williams St", "Franklin St", "Kensington Ave", "Harrison Ave", "Cherry St",
                    "Prince St", "Straw Ave", "Graves Ave", "Easthampton Rd", "Glendale Rd", "Coles Meadow Rd",
                    "Kennedy Rd", "Bedford Ter", "Barrett St", "Lyman Rd", "Massasoit St", "Woodlawn Ave",
                    "Summer St", "Ward Ave", "Trumbull Rd", "Paradise Rd", "Hampton Ave", "Belmont Ave"),
                    streets(FLORENCE_ZIP, "Maple St", "Chestnut St", "Pine St", "North Main St", "Ryan Rd",
                            "Burts Pit Rd", "Florence Rd", "Nonotuck St", "Park St", "Bliss St", "Chapel St",
                            "Beacon St", "Westhampton Rd", "Meadow St", "Corticelli St", "Keyes St", "Cosby Ave",
                            "Overlook Dr", "High St", "Hillside Rd", "Acrebrook Dr", "Sylvester Rd")),
            concat(streets(NORTHAMPTON_ZIP, "Main St", "King St", "Pleasant St", "Bridge St", "Market St",
                    "Center St", "Masonic St", "Conz St", "Hawley St", "Damon Rd", "North King St", "Industrial Dr",
                    "Old South St", "Strong Ave", "Crafts Ave", "Locust St", "Union St", "Hatfield St"),
                    streets(FLORENCE_ZIP, "Main St", "Maple St", "North Main St")));

    private static final TownProfile PELHAM = new TownProfile("Pelham", 600, 40,
            streets(PELHAM_ZIP, "Amherst Rd", "North Valley Rd", "South Valley Rd", "Buffam Rd", "Packardville Rd",
                    "Harkness Rd", "Daniel Shays Hwy", "Arnold Rd", "Meetinghouse Rd", "Jones Rd", "Butler Hill Rd",
                    "Enfield Rd", "Gulf Rd", "Boston Hill Rd", "West Hill Rd", "Stebbins St", "Prescott Rd",
                    "Amethyst Brook Rd", "Cadwell Rd", "Orchard Rd"),
            streets(PELHAM_ZIP, "Amherst Rd", "Daniel Shays Hwy", "North Valley Rd", "South Valley Rd"));

    private static final List<TownProfile> ALL = List.of(AMHERST, NORTHAMPTON, PELHAM);

    private ValleyTowns() {
    }

    /** The profiles of Amherst, Northampton and Pelham. */
    public static List<TownProfile> profiles() {
        return ALL;
    }

    /** The profile of one of the three towns, by name ignoring case. */
    public static Optional<TownProfile> profile(String town) {
        return ALL.stream().filter(p -> p.town().equalsIgnoreCase(town.trim())).findFirst();
    }

    private static List<Street> streets(String zip, String... names) {
        List<Street> streets = new ArrayList<>(names.length);
        for (String name : names) {
            streets.add(new Street(name, zip));
        }
        return streets;
    }

    private static List<Street> concat(List<Street> first, List<Street> second) {
        List<Street> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
