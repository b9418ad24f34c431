// The checks of page_checks.py, run inside the page: one expression, giving {reflow, focus}.
(() => {
    // Names an element well enough to find it: tag, id, classes and the start of its text.
    const describe = (el) => {
        let name = el.tagName.toLowerCase();
        if (el.id) name += `#${el.id}`;
        for (const cls of el.classList) name += `.${cls}`;
        const field = el.matches("input, select, textarea");
        const text =
            el.getAttribute("aria-label") ||
            (field && el.labels?.[0]?.innerText) ||
            (field ? el.name || el.value : el.innerText) ||
            "";
        const label = text.trim().replace(/\s+/g, " ").slice(0, 50);
        return label ? `${name} „${label}“` : name;
    };

    const FOCUSABLE =
        "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, " +
        "iframe, [tabindex], [contenteditable=''], [contenteditable='true']";

    // How much wider than the viewport the page is, with the outermost elements that stick
    // out; and the containers that scroll sideways by themselves without a way in for the
    // keyboard. Null when all is well.
    const reflow = () => {
        const root = document.documentElement;
        const width = root.clientWidth;
        const beyond = (rect) => rect.width > 0 && rect.right > width + 0.5;
        // What an element that scrolls (or clips) by itself holds does not widen the page.
        const clipped = (node) => {
            for (; node && node !== document.body; node = node.parentElement) {
                if (getComputedStyle(node).overflowX !== "visible") return true;
            }
            return false;
        };

        const unreachable = [];
        for (const el of document.body.querySelectorAll("*")) {
            if (el.scrollWidth <= el.clientWidth + 1) continue;
            if (!["auto", "scroll"].includes(getComputedStyle(el).overflowX)) continue;
            if (el.tabIndex >= 0 || el.querySelector(FOCUSABLE)) continue;
            unreachable.push(describe(el));
        }
        if (root.scrollWidth <= width && !unreachable.length) return null;

        const culprits = [];
        for (const el of document.body.querySelectorAll("*")) {
            const rect = el.getBoundingClientRect();
            if (!beyond(rect) || clipped(el.parentElement)) continue;
            const parent = el.parentElement;
            if (parent !== document.body && beyond(parent.getBoundingClientRect())) continue;
            culprits.push(`${describe(el)} reaches ${Math.round(rect.right)} px`);
            if (culprits.length === 5) break;
        }
        if (!culprits.length) {
            // A word too long for its line sticks out of a box that itself fits.
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            for (let text = walker.nextNode(); text && culprits.length < 5; text = walker.nextNode()) {
                range.selectNodeContents(text);
                if (!beyond(range.getBoundingClientRect()) || clipped(text.parentElement)) continue;
                const words = text.textContent.trim().slice(0, 50);
                culprits.push(`the text „${words}“ in ${describe(text.parentElement)}`);
            }
        }
        return {scrollWidth: root.scrollWidth, width, culprits, unreachable};
    };

    const probe = document.createElement("canvas").getContext("2d");
    const parse = (color) => {
        let match = color.match(/^rgba?\(([^)]+)\)$/);
        if (!match) {
            // Another colour syntax: the canvas turns it into #rrggbb or rgba().
            probe.fillStyle = "#000";
            probe.fillStyle = color;
            match = probe.fillStyle.match(/^rgba?\(([^)]+)\)$/);
            if (!match) {
                const [r, g, b] = [1, 3, 5].map((i) => parseInt(probe.fillStyle.slice(i, i + 2), 16));
                return {r, g, b, a: 1};
            }
        }
        const [r, g, b, a = 1] = match[1].split(/[,\s/]+/).filter(Boolean).map(Number);
        return {r, g, b, a};
    };
    const over = (top, below) => ({
        r: top.r * top.a + below.r * (1 - top.a),
        g: top.g * top.a + below.g * (1 - top.a),
        b: top.b * top.a + below.b * (1 - top.a),
        a: 1,
    });
    const luminance = ({r, g, b}) => {
        const linear = (value) => {
            const c = value / 255;
            return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const contrast = (one, two) => {
        const [light, dark] = [luminance(one), luminance(two)].sort((x, y) => y - x);
        return (light + 0.05) / (dark + 0.05);
    };
    // The nearest opaque background from `el` up, lighter layers blended on top of it.
    const backgroundFrom = (el) => {
        const layers = [];
        for (let node = el; node; node = node.parentElement) {
            const color = parse(getComputedStyle(node).backgroundColor);
            if (color.a > 0) layers.push(color);
            if (color.a >= 1) break;
        }
        const white = {r: 255, g: 255, b: 255, a: 1};
        return layers.reduceRight((below, layer) => over(layer, below), white);
    };
    const hex = (color) =>
        "#" + [color.r, color.g, color.b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");

    // Focuses every focusable, visible element as the keyboard would (:focus-visible, given a
    // key press before) and measures its outline against the background behind it: that of its
    // parent (of the element itself for an outline drawn inside it). Then gives the focus,
    // selection and scroll position back; with nothing focused, it puts the starting point of
    // Tab back where a fresh page (or its #fragment) has it.
    const focus = (minWidth, minRatio) => {
        const active = document.activeElement;
        const scroll = [window.scrollX, window.scrollY];
        let selection = null;
        try {
            selection = [active.selectionStart, active.selectionEnd, active.selectionDirection];
        } catch (error) {
            // not a text field
        }

        const focusable = [...document.querySelectorAll(FOCUSABLE)];
        const checked = [];
        const failures = [];
        for (const el of focusable) {
            if (el.disabled || el.tabIndex < 0 || el.closest("[inert]")) continue;
            if (!el.getClientRects().length || getComputedStyle(el).visibility !== "visible") continue;
            el.focus({preventScroll: true});
            if (document.activeElement !== el) continue;
            checked.push(describe(el));
            const style = getComputedStyle(el);
            const outline = `outline: ${style.outlineStyle} ${style.outlineWidth}`;
            if (!el.matches(":focus-visible")) {
                failures.push(`${describe(el)}: does not match :focus-visible`);
            } else if (
                ["none", "hidden", "auto"].includes(style.outlineStyle) ||
                parseFloat(style.outlineWidth) < minWidth
            ) {
                failures.push(
                    `${describe(el)}: no outline of ${minWidth} px or more ` +
                        `(${outline}; box-shadow: ${style.boxShadow})`,
                );
            } else {
                const inside = parseFloat(style.outlineOffset) < 0;
                const behind = backgroundFrom(inside ? el : el.parentElement || el);
                const ring = over(parse(style.outlineColor), behind);
                const ratio = contrast(ring, behind);
                if (ratio < minRatio) {
                    failures.push(
                        `${describe(el)}: outline ${hex(ring)} on ${hex(behind)} ` +
                            `is ${ratio.toFixed(2)}:1`,
                    );
                }
            }
        }

        // Chromium remembers the radio button last focused in a group with none checked and
        // enters the group there with Tab: make it the first one again, as on a fresh page.
        const radios = focusable.filter((el) => el.type === "radio" && !el.disabled);
        for (const radio of radios.reverse()) radio.focus({preventScroll: true});

        if (active && active !== document.body) {
            active.focus({preventScroll: true});
            // Only text fields have a selection (a select or a button has none).
            if (selection && typeof selection[0] === "number"
                && typeof active.setSelectionRange === "function") {
                active.setSelectionRange(...selection);
            }
        } else {
            // Blurring would keep Tab's starting point at the last element focused; an element
            // removed leaves it where the element stood.
            const marker = document.createElement("span");
            marker.tabIndex = -1;
            let target = null;
            try {
                target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
            } catch (error) {
                // a malformed #fragment
            }
            if (target) target.before(marker);
            else document.body.prepend(marker);
            marker.focus({preventScroll: true});
            marker.remove();
        }
        window.scrollTo(...scroll);
        return {checked, failures};
    };

    return {reflow, focus};
})()
