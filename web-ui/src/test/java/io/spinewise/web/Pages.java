package io.spinewise.web;

import io.restassured.response.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Reading a rendered page the way a browser would: its CSRF cookie and hidden form fields. */
final class Pages {

    private Pages() {
    }

    /** A page fetched with a bearer token, and the CSRF token and cookie it handed out. */
    record Form(Response response, String csrfCookie, String csrfToken) {

        String hidden(String name) {
            return Pages.hidden(response.asString(), name);
        }
    }

    static Form get(String token, String path) {
        Response response = given().auth().oauth2(token).redirects().follow(false).when().get(path);
        String html = response.asString();
        return new Form(response, response.getCookie("csrf-token"), hidden(html, "csrf-token"));
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1) : null;
    }
}
