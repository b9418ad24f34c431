/* The maps of KLmitWirkung (maps/templatetags/map_tags.py): Leaflet with tiles from our own
 * origin. A map is an addition: every place it shows is listed as text on the page, and
 * without this script the map stays hidden. */
(function () {
  "use strict";

  var script = document.currentScript;

  function icon() {
    return window.L.icon({
      iconUrl: script.dataset.markerIcon,
      iconRetinaUrl: script.dataset.markerIcon2x,
      shadowUrl: script.dataset.markerShadow,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      shadowSize: [41, 41],
    });
  }

  function escaped(text) {
    var element = document.createElement("span");
    element.textContent = text;
    return element.innerHTML;
  }

  function popup(marker) {
    var content = document.createElement("div");
    var name = document.createElement("strong");
    name.textContent = marker.name;
    content.appendChild(name);
    if (marker.description) {
      var description = document.createElement("p");
      description.className = "mb-0";
      description.textContent = marker.description;
      content.appendChild(description);
    }
    return content;
  }

  function show(canvas) {
    var options = JSON.parse(canvas.dataset.map);
    var b = options.bounds;
    var area = window.L.latLngBounds([b[0], b[1]], [b[2], b[3]]);
    var figure = canvas.closest("figure");
    figure.hidden = false;
    var map = window.L.map(canvas, {
      maxBounds: area.pad(0.2),
      minZoom: options.minZoom,
      maxZoom: options.maxZoom,
      keyboard: true,
    });
    map.attributionControl.setPrefix(false);
    window.L.tileLayer(options.tiles, {
      attribution: escaped(options.attribution),
      minZoom: options.minZoom,
      maxZoom: options.maxZoom,
      bounds: area.pad(0.2),
    }).addTo(map);
    if (canvas.dataset.pickLatitude) {
      map.fitBounds(area);
      map.setZoom(map.getZoom() + 1);
      picker(map, canvas, area);
      return;
    }
    var markers = JSON.parse(document.getElementById(canvas.dataset.markers).textContent);
    var points = [];
    markers.forEach(function (marker) {
      window.L.marker(marker.point, { icon: icon(), title: marker.name, alt: marker.name, keyboard: true })
        .bindPopup(popup(marker))
        .addTo(map);
      points.push(marker.point);
    });
    function fit() {
      if (points.length) {
        map.fitBounds(points, { padding: [40, 40], maxZoom: 16, animate: false });
      } else {
        map.fitBounds(area, { animate: false });
      }
    }
    fit();
    // The page may still settle after the map was drawn (fonts, images, a scroll bar): the
    // map then measures its box again and shows every place.
    keepMeasured(map, canvas, fit);
  }

  function keepMeasured(map, canvas, fit) {
    var width = canvas.clientWidth;
    var height = canvas.clientHeight;
    function measure() {
      if (canvas.clientWidth !== width || canvas.clientHeight !== height) {
        width = canvas.clientWidth;
        height = canvas.clientHeight;
        map.invalidateSize({ animate: false });
        fit();
      }
    }
    if (window.ResizeObserver) {
      new window.ResizeObserver(measure).observe(canvas);
    }
    window.addEventListener("load", measure);
  }

  // A point chosen on the map goes into the form's hidden fields; the status line says it.
  function picker(map, canvas, area) {
    var latitude = document.getElementById(canvas.dataset.pickLatitude);
    var longitude = document.getElementById(canvas.dataset.pickLongitude);
    var status = document.getElementById(canvas.dataset.pickStatus);
    var marker = null;
    function place(point) {
      if (!area.contains(point)) {
        status.textContent = status.dataset.outside;
        return;
      }
      latitude.value = point.lat.toFixed(6);
      longitude.value = point.lng.toFixed(6);
      if (marker) {
        marker.setLatLng(point);
      } else {
        marker = window.L.marker(point, { icon: icon(), keyboard: false, interactive: false }).addTo(map);
      }
      status.textContent =
        status.dataset.placed + " " + point.lat.toFixed(5) + " N, " + point.lng.toFixed(5) + " E.";
    }
    if (latitude.value && longitude.value) {
      place(window.L.latLng(parseFloat(latitude.value), parseFloat(longitude.value)));
    }
    map.on("click", function (event) {
      place(event.latlng);
    });
    canvas.addEventListener("keydown", function (event) {
      if (event.target === canvas && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        place(map.getCenter());
      }
    });
  }

  function start() {
    if (!window.L) {
      return;
    }
    document.querySelectorAll("[data-map]").forEach(show);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
