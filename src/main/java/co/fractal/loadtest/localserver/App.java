package co.fractal.loadtest.localserver;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The applications a container can stream, each with the ECS task definition that runs it. */
enum App {
    CHROME("Google Chrome", "fractal-browsers-chrome", 41),
    FIREFOX("Mozilla Firefox", "fractal-browsers-firefox", 38),
    BRAVE("Brave Browser", "fractal-browsers-brave", 12),
    BLENDER("Blender", "fractal-creative-blender", 27),
    BLOCKBENCH("Blockbench", "fractal-creative-blockbench", 9),
    FIGMA("Figma", "fractal-creative-figma", 17),
    GIMP("Gimp", "fractal-creative-gimp", 8),
    DISCORD("Discord", "fractal-productivity-discord", 14),
    NOTION("Notion", "fractal-productivity-notion", 11),
    SLACK("Slack", "fractal-productivity-slack", 15),
    VS_CODE("Visual Studio Code", "fractal-development-vscode", 21);

    private static final String ACCEPTED = Arrays.stream(values()).map(App::displayName).collect(Collectors.joining(", "));

    private final String displayName;
    private final String taskDefinition;
    private final int taskVersion;

    App(String displayName, String taskDefinition, int taskVersion) {
        this.displayName = displayName;
        this.taskDefinition = taskDefinition;
        this.taskVersion = taskVersion;
    }

    /** The name clients send, e.g. "Google Chrome". */
    String displayName() {
        return displayName;
    }

    String taskDefinition() {
        return taskDefinition;
    }

    int taskVersion() {
        return taskVersion;
    }

    /** The app with that name (exactly as clients spell it); 400 when there is none. */
    static App byName(String name) {
        for (App app : values()) {
            if (app.displayName.equals(name)) {
                return app;
            }
        }
        throw ApiException.badRequest("unknown app '" + name + "'; expected one of " + ACCEPTED);
    }
}
