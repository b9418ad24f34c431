/* The area of a map consultation in the admin: two clicks on the map set two opposite
 * corners and fill in the four edges (the fields stay the way to type them). */
(function () {
  "use strict";

  function field(name) {
    return document.getElementById("id_" + name);
  }

  function start() {
    var canvas = document.getElementById("area-map");
    var data = document.getElementById("area-map-options");
    if (!canvas || !data || !window.L) {
      return;
    }
    var options = JSON.parse(data.textContent);
    var b = options.bounds;
    var whole = window.L.latLngBounds([b[0], b[1]], [b[2], b[3]]);
    canvas.hidden = false;
    document.getElementById("area-map-help").hidden = false;
    var map = window.L.map(canvas, { maxBounds: whole.pad(0.2), minZoom: options.minZoom, maxZoom: options.maxZoom });
    map.attributionControl.setPrefix(false);
    window.L.tileLayer(options.tiles, { minZoom: options.minZoom, maxZoom: options.maxZoom }).addTo(map);
    var rectangle = null;
    var first = null;

    function show(area) {
      if (rectangle) {
        rectangle.setBounds(area);
      } else {
        rectangle = window.L.rectangle(area, { weight: 2 }).addTo(map);
      }
    }

    var edges = ["south", "west", "north", "east"].map(function (name) {
      return parseFloat(field(name).value);
    });
    if (edges.every(function (edge) { return !isNaN(edge); })) {
      var area = window.L.latLngBounds([edges[0], edges[1]], [edges[2], edges[3]]);
      show(area);
      map.fitBounds(area.pad(0.3));
    } else {
      map.fitBounds(whole);
    }

    map.on("click", function (event) {
      if (!whole.contains(event.latlng)) {
        return;
      }
      if (first === null) {
        first = event.latlng;
        return;
      }
      var area = window.L.latLngBounds(first, event.latlng);
      first = null;
      field("south").value = area.getSouth().toFixed(6);
      field("west").value = area.getWest().toFixed(6);
      field("north").value = area.getNorth().toFixed(6);
      field("east").value = area.getEast().toFixed(6);
      show(area);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
