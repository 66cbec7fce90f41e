package co.fractal.loadtest.localserver;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The AWS regions the reference webserver serves, with the paired region an assignment may fall back to. */
enum Region {
    US_EAST_1("us-east-1"),
    US_EAST_2("us-east-2"),
    US_WEST_1("us-west-1"),
    US_WEST_2("us-west-2"),
    CA_CENTRAL_1("ca-central-1"),
    EU_WEST_1("eu-west-1"),
    EU_CENTRAL_1("eu-central-1"),
    AP_SOUTH_1("ap-south-1");

    private static final String ACCEPTED = Arrays.stream(values()).map(Region::id).collect(Collectors.joining(", "));

    private final String id;

    Region(String id) {
        this.id = id;
    }

    /** The region's id, e.g. us-east-1. */
    String id() {
        return id;
    }

    /** The cluster its containers run on. */
    String cluster() {
        return "fractal-local-" + id;
    }

    /** The region whose prewarmed containers may stand in: us-east-1↔us-east-2, us-west-1↔us-west-2. */
    Optional<Region> pair() {
        return switch (this) {
            case US_EAST_1 -> Optional.of(US_EAST_2);
            case US_EAST_2 -> Optional.of(US_EAST_1);
            case US_WEST_1 -> Optional.of(US_WEST_2);
            case US_WEST_2 -> Optional.of(US_WEST_1);
            default -> Optional.empty();
        };
    }

    /** The region with that id; 400 when there is none. */
    static Region byId(String id) {
        for (Region region : values()) {
            if (region.id.equals(id)) {
                return region;
            }
        }
        throw ApiException.badRequest("unknown region '" + id + "'; expected one of " + ACCEPTED);
    }
}
