import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { createWebHistory } from 'vue-router';
import App from './app.vue';
import { createAppRouter } from './router';
import './styles/main.css';

const app = createApp(App);
app.use(createPinia());
app.use(createAppRouter(createWebHistory()));
app.mount('#app');
