import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { createWebHistory } from 'vue-router';
import App from './app.vue';
import { prefetchDashboard } from './modules/dashboards/dashboard-prefetch';
import { createAppRouter } from './router';
import './styles/main.css';

// Before the app starts: the dashboard's definition is asked for beside the session check, not after it.
prefetchDashboard(window.location.pathname);

const app = createApp(App);
app.use(createPinia());
app.use(createAppRouter(createWebHistory()));
app.mount('#app');
