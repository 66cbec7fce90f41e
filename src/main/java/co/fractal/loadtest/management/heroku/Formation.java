package co.fractal.loadtest.management.heroku;

/**
 * One process type's formation on Heroku.
 *
 * @param app         the Heroku app
 * @param processType e.g. web
 * @param size        the dyno size, e.g. Standard-1X
 * @param quantity    the dyno count
 */
public record Formation(String app, String processType, String size, int quantity) {
}
