package io.spinewise.plan;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import java.io.IOException;

/** A PDF's text as a reader sees it, and its page count. */
record PdfText(String text, int pages) {

    static PdfText of(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return new PdfText(text.toString(), reader.getNumberOfPages());
        } finally {
            reader.close();
        }
    }
}
