package io.spinewise.web.reminders;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a patient may know a browser by in their list of devices, "Chrome on Android", made from the
 * User-Agent web-ui received with the subscription; plan-service keeps it as the subscription's label. Only
 * the browser's and the system's names are kept, never versions or models, which say more than the list needs.
 */
final class DeviceLabel {

    /** Checked in this order: Edge and Opera also say Chrome, Chrome also says Safari. */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(Map.entry("edg/", "Edge"),
            Map.entry("opr/", "Opera"), Map.entry("firefox/", "Firefox"), Map.entry("fxios/", "Firefox"),
            Map.entry("samsungbrowser/", "Samsung Internet"), Map.entry("chrome/", "Chrome"),
            Map.entry("crios/", "Chrome"), Map.entry("safari/", "Safari"));
    /** Android says Linux too; iPhone and iPad say Mac OS X. */
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(Map.entry("android", "Android"),
            Map.entry("iphone", "iOS"), Map.entry("ipad", "iPadOS"), Map.entry("windows", "Windows"),
            Map.entry("cros", "ChromeOS"), Map.entry("mac os x", "macOS"), Map.entry("linux", "Linux"));

    private DeviceLabel() {
    }

    /** Null when the User-Agent names neither a known browser nor a known system. */
    static String of(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = first(BROWSERS, ua);
        String system = first(SYSTEMS, ua);
        if (browser == null && system == null) {
            return null;
        }
        return browser == null ? system : system == null ? browser : browser + " on " + system;
    }

    private static String first(List<Map.Entry<String, String>> names, String ua) {
        return names.stream().filter(e -> ua.contains(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
